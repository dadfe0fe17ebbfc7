namespace Lapor.IntegrationTests.Infrastructure;

/// <summary>The app with the shipped rate limits and the second factor required for coordinators and administrators.</summary>
public sealed class ProductionSecurityAppFactory : LaporAppFactory
{
    protected override bool ProductionSecurity => true;
}
