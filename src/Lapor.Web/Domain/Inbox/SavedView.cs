namespace Lapor.Web.Domain.Inbox;

/// <summary>A staff member's named inbox view: a tab with its filters and sort, one click away ("Jalan rusak, terlambat").</summary>
public sealed class SavedView
{
    public const int MaxNameLength = 60;
    public const int MaxQueryLength = 600;

    /// <summary>Enough for the views a person really uses; more is a list nobody reads.</summary>
    public const int MaxPerUser = 20;

    private SavedView() { }

    public SavedView(string userId, string name, string query, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        UserId = userId;
        Name = name.Trim();
        Query = query;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>The list's query string as the inbox binds it (without a page cursor), e.g. "Tab=InProgress&amp;Overdue=true".</summary>
    public string Query { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}
