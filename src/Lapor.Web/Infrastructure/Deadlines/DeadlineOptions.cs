namespace Lapor.Web.Infrastructure.Deadlines;

public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    /// <summary>IANA id of the deployment's time zone; working days are counted in it.</summary>
    public string TimeZone { get; set; } = "Asia/Jakarta";
}
