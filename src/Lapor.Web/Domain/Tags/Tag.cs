namespace Lapor.Web.Domain.Tags;

/// <summary>
/// A label coordinators attach to reports to group them across categories and agencies (a flood, a
/// provincial road). The list is managed: coordinators add to it; labels are unique ignoring case.
/// </summary>
public sealed class Tag
{
    private Tag() { }

    public Tag(string typed, DateTimeOffset now)
    {
        Label = TagLabel.Normalize(typed, out var error) ?? throw new DomainException(error!);
        CreatedAt = now;
    }

    public int Id { get; private set; }

    /// <summary>Lower case (<see cref="TagLabel.Normalize"/>), so the unique index is case-insensitive on every database.</summary>
    public string Label { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}
