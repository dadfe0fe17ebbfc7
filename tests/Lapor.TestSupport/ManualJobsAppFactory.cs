using Microsoft.AspNetCore.Hosting;

namespace Lapor.TestSupport;

/// <summary>The app with its background jobs switched off, so a test drives them itself on a fake clock.</summary>
public sealed class ManualJobsAppFactory : LaporAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:DispatchEnabled", "false");
        builder.UseSetting("Deadlines:JobEnabled", "false");
    }
}
