using Lapor.UnitTests.Architecture.BadHouse.Features.Citizen;
using Microsoft.AspNetCore.Http;

namespace Lapor.UnitTests.Architecture.BadHouse.Domain;

/// <summary>Bad: the domain testing for a feature type and casting to an ASP.NET Core type (System.* is fine).</summary>
public sealed class Ticket
{
    private readonly List<string> _notes = [];

    public bool IsFiling(object value) => value is Filing;

    public string Path(object value) => ((PathString)value).Value ?? string.Join(",", _notes);
}
