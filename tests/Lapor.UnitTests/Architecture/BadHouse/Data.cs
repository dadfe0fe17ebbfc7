using Lapor.UnitTests.Architecture.BadHouse.Domain;
using Lapor.UnitTests.Architecture.BadHouse.Infrastructure;

namespace Lapor.UnitTests.Architecture.BadHouse.Data;

/// <summary>Bad: Data calling a technical service (good: it may use the domain).</summary>
public sealed class Store
{
    public int Save(Ticket ticket) => new Mailer().Send(ticket.ToString() ?? "");
}
