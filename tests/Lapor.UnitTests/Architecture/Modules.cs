using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Mono.Cecil;

namespace Lapor.UnitTests.Architecture;

internal static class Modules
{
    /// <summary>
    /// Reads an assembly's IL. Base types are resolved from the test output (Lapor.Web and its
    /// packages) and the two shared frameworks the tests run on (.NET and ASP.NET Core).
    /// </summary>
    public static ModuleDefinition Read(Assembly assembly)
    {
        var resolver = new DefaultAssemblyResolver();
        string[] folders = [AppContext.BaseDirectory, Path.GetDirectoryName(typeof(object).Assembly.Location)!, Path.GetDirectoryName(typeof(ControllerBase).Assembly.Location)!];
        foreach (var folder in folders.Distinct())
        {
            resolver.AddSearchDirectory(folder);
        }

        return ModuleDefinition.ReadModule(assembly.Location, new ReaderParameters { AssemblyResolver = resolver });
    }

    /// <summary>Fails with one "Type uses Type" line per offence.</summary>
    public static void AssertNone(IReadOnlyList<string> offenders, string rule) =>
        Assert.True(offenders.Count == 0, $"{rule} ({offenders.Count}):{Environment.NewLine}{string.Join(Environment.NewLine, offenders)}");
}
