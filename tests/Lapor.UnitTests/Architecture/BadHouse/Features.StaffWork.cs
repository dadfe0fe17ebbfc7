using Lapor.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.UnitTests.Architecture.BadHouse.Features.StaffWork;

/// <summary>Bad: no signature names a context; only instructions do: a typeof inside the async state machine and a generic call's argument.</summary>
public sealed class LeakyController : Controller
{
    public async Task<IActionResult> Index()
    {
        await Task.Yield();
        return Content(HttpContext.RequestServices.GetService(typeof(LaporDbContext)) is null ? "none" : "found");
    }

    public IActionResult Count() =>
        Content(HttpContext.RequestServices.GetRequiredService<SqliteLaporDbContext>().GetType().Name);
}

/// <summary>Good: the controller calls a handler; the handler may use the context.</summary>
public sealed class SteeringController(Steering steering) : Controller
{
    public async Task<IActionResult> Index() => Content(await steering.NameAsync());
}

public sealed class Steering(LaporDbContext db)
{
    public Task<string> NameAsync() => Task.FromResult(db.GetType().Name);
}
