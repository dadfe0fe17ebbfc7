using Mono.Cecil;

namespace Lapor.UnitTests.Architecture;

/// <summary>
/// The layer rules of docs/architecture.md over one module whose code lives under <c>root</c>
/// (Lapor.Web for the app; a fixture namespace for the rules' own tests). Each rule returns its
/// offenders as sorted "Type uses Type" lines, empty when the rule holds.
/// </summary>
/// <remarks>
/// Layers are namespaces under the root: Domain, Data, Infrastructure, Operations, Features.Shared and
/// one feature area per Features.{Area}. Compiled Razor views are classes named after their path
/// (Features/Citizen/Filing/Submit.cshtml is AspNetCoreGeneratedDocument.Features_Citizen_Filing_Submit),
/// so a view counts as code in the namespace its folder names.
/// </remarks>
public sealed class LayerRules
{
    public const string GeneratedViewNamespace = "AspNetCoreGeneratedDocument";
    private const string ControllerBase = "Microsoft.AspNetCore.Mvc.ControllerBase";
    private const string Shared = "Shared";

    private readonly string _root;
    private readonly string _dbContext;
    private readonly List<(TypeDefinition User, TypeReference Used)> _uses;
    private readonly Dictionary<(string Type, string Base), bool> _derives = [];

    /// <param name="module">The assembly's IL, read with its references resolvable (<see cref="Modules.Read"/>).</param>
    /// <param name="root">The namespace the layers sit under: Lapor.Web, or a fixture's.</param>
    /// <param name="dbContext">The context controllers must not reach; the fixtures reuse the app's own.</param>
    public LayerRules(ModuleDefinition module, string root, string dbContext = "Lapor.Web.Data.LaporDbContext")
    {
        _root = root;
        _dbContext = dbContext;
        var owners = module.GetTypes()
            .GroupBy(t => (TypeDefinition)TypeUses.Outermost(t))
            .Where(g => Within(NamespaceOf(g.Key), root))
            .ToList();
        Types = [.. owners.Select(g => g.Key)];
        _uses = [.. owners.SelectMany(g => g.SelectMany(TypeUses.Of)
            .DistinctBy(used => used.FullName)
            .Where(used => used.FullName != g.Key.FullName)
            .Select(used => (g.Key, used)))];
    }

    /// <summary>The outermost types under the root (views included) the rules looked at.</summary>
    public IReadOnlyList<TypeDefinition> Types { get; }

    public IEnumerable<TypeDefinition> Controllers => Types.Where(t => DerivesFrom(t, ControllerBase));

    public IEnumerable<TypeDefinition> Views => Types.Where(t => t.Namespace == GeneratedViewNamespace);

    /// <summary>Rule 1: a controller binds, calls a handler and answers; the database is the handler's business.</summary>
    public IReadOnlyList<string> ControllersUsingDbContext() =>
        Offenders(u => DerivesFrom(u.User, ControllerBase) && DerivesFrom(u.Used, _dbContext));

    /// <summary>Rule 2: an area uses Features.Shared and itself, never another area; Shared uses no area.</summary>
    public IReadOnlyList<string> AreasUsingOtherAreas() =>
        Offenders(u => AreaOf(u.User) is { } from && AreaOf(u.Used) is { } to && to != from && to != Shared);

    /// <summary>Rule 3: Data sits on the domain only.</summary>
    public IReadOnlyList<string> DataUsingOuterLayers() =>
        Offenders(u => InLayer(u.User, "Data") && (InLayer(u.Used, "Infrastructure") || InLayer(u.Used, "Features") || InLayer(u.Used, "Operations")));

    /// <summary>Rule 4: the domain is plain C#: itself and the base class library, no ASP.NET Core, EF Core, Extensions or other layer.</summary>
    public IReadOnlyList<string> DomainUsingMoreThanTheBcl() =>
        Offenders(u => InLayer(u.User, "Domain") && !InLayer(u.Used, "Domain") && !IsBcl(u.Used));

    /// <summary>Rule 5: technical services serve the features; they never call up into them or into the tools.</summary>
    public IReadOnlyList<string> InfrastructureUsingFeaturesOrOperations() =>
        Offenders(u => InLayer(u.User, "Infrastructure") && (InLayer(u.Used, "Features") || InLayer(u.Used, "Operations")));

    private List<string> Offenders(Func<(TypeDefinition User, TypeReference Used), bool> breaks) =>
        [.. _uses.Where(breaks).Select(u => $"{u.User.FullName} uses {u.Used.FullName}").Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The namespace a type's code belongs to; for a view, the one its folder names.</summary>
    private string NamespaceOf(TypeReference type)
    {
        if (type.Namespace != GeneratedViewNamespace)
        {
            return type.Namespace;
        }

        // Features_Citizen_Filing_Submit → Features.Citizen; Features_Shared__Layout → Features.Shared;
        // Features__ViewStart (a file directly in Features) → Features.
        var folders = type.Name.Split('_');
        return folders.Length > 2 && folders[1].Length > 0 ? $"{_root}.{folders[0]}.{folders[1]}" : $"{_root}.{folders[0]}";
    }

    private bool InLayer(TypeReference type, string layer) => Within(NamespaceOf(type), $"{_root}.{layer}");

    /// <summary>The area (or "Shared") a type belongs to, null outside Features.{Name}.</summary>
    private string? AreaOf(TypeReference type)
    {
        var prefix = $"{_root}.Features.";
        var ns = NamespaceOf(type);
        return ns.StartsWith(prefix, StringComparison.Ordinal) ? ns[prefix.Length..].Split('.')[0] : null;
    }

    /// <summary>System.* and the helpers the compiler emits into the assembly (&lt;PrivateImplementationDetails&gt;, &lt;&gt;z__ReadOnlyArray, anonymous types).</summary>
    private static bool IsBcl(TypeReference type) =>
        Within(type.Namespace, "System") || type.Name.StartsWith('<');

    private static bool Within(string ns, string prefix) =>
        ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal);

    /// <summary>Whether the type is <paramref name="baseType"/> or inherits from it, resolving base types across assemblies.</summary>
    private bool DerivesFrom(TypeReference type, string baseType)
    {
        var key = (type.FullName, baseType);
        if (!_derives.TryGetValue(key, out var derives))
        {
            // An unresolvable type is an error, not a pass: the rule would silently see fewer controllers.
            var definition = type.Resolve() ?? throw new InvalidOperationException($"Cannot resolve {type.FullName}.");
            derives = definition.FullName == baseType || (definition.BaseType is { } parent && DerivesFrom(parent, baseType));
            _derives[key] = derives;
        }

        return derives;
    }
}
