using System.Reflection;
using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests;

/// <summary>Keeps the domain plain C#: no ASP.NET Core, EF Core or Identity types in its signatures.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] ForbiddenPrefixes = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions", "Lapor.Web.Data", "Lapor.Web.Features", "Lapor.Web.Infrastructure"];

    [Fact]
    public void Domain_DependsOnNoFrameworkOrOuterLayer()
    {
        var domainTypes = typeof(Report).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Lapor.Web.Domain", StringComparison.Ordinal) == true)
            .ToList();

        var offenders = domainTypes
            .SelectMany(t => UsedTypes(t).Select(used => (Type: t, Used: used)))
            .Where(x => ForbiddenPrefixes.Any(p => x.Used.FullName?.StartsWith(p, StringComparison.Ordinal) == true))
            .Select(x => $"{x.Type.FullName} uses {x.Used.FullName}")
            .Distinct()
            .ToList();

        Assert.NotEmpty(domainTypes);
        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = new List<Type?> { type.BaseType };
        used.AddRange(type.GetInterfaces());
        used.AddRange(type.GetFields(all).Select(f => f.FieldType));
        used.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            used.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                used.Add(info.ReturnType);
            }
        }

        return used.OfType<Type>().SelectMany(Flatten);
    }

    private static IEnumerable<Type> Flatten(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Flatten).Prepend(type) : type.HasElementType ? Flatten(type.GetElementType()!) : [type];
}
