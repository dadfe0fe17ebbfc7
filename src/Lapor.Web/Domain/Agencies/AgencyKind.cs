namespace Lapor.Web.Domain.Agencies;

public enum AgencyKind
{
    Ministry,
    Province,
    RegencyCity,
    Opd,
    SubUnit,
    Bumd,
}
