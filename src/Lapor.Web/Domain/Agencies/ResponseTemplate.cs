namespace Lapor.Web.Domain.Agencies;

/// <summary>Reusable answer text that an agency's officers insert into responses.</summary>
public sealed class ResponseTemplate
{
    private ResponseTemplate() { }

    public ResponseTemplate(int agencyId, string title, string body)
    {
        AgencyId = agencyId;
        Edit(title, body);
    }

    public int Id { get; private set; }
    public int AgencyId { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";

    public void Edit(string title, string body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        Title = title.Trim();
        Body = body.Trim();
    }
}
