using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Lapor.Web.Infrastructure.Web;

/// <summary>
/// A controller's views sit beside it: Lapor.Web.Features.Citizen.Reports.ReportsController finds
/// Features/Citizen/Reports/Index.cshtml. The folder comes from the controller's namespace, so a
/// controller never names its view path and a folder may be named for the use case, not the controller.
/// </summary>
public sealed class FeatureViewLocations : IViewLocationExpander
{
    private const string FolderKey = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor controller)
        {
            context.Values[FolderKey] = FeatureFolder(controller.ControllerTypeInfo.Namespace);
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(FolderKey, out var folder) && folder is not null
            ? viewLocations.Select(location => location.Replace("{feature}", folder, StringComparison.Ordinal))
            : viewLocations.Where(location => !location.Contains("{feature}", StringComparison.Ordinal));

    /// <summary>"Lapor.Web.Features.Citizen.Reports" → "/Features/Citizen/Reports".</summary>
    public static string? FeatureFolder(string? controllerNamespace)
    {
        const string root = "Lapor.Web.";
        return controllerNamespace is not null && controllerNamespace.StartsWith(root + "Features.", StringComparison.Ordinal)
            ? "/" + controllerNamespace[root.Length..].Replace('.', '/')
            : null;
    }
}
