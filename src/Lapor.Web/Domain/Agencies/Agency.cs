namespace Lapor.Web.Domain.Agencies;

/// <summary>A government body (OPD, sub-unit, regency, province…) in one tree.</summary>
public sealed class Agency
{
    private Agency() { }

    public Agency(string name, string shortCode, AgencyKind kind, int? parentId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(shortCode);
        Name = name.Trim();
        ShortCode = shortCode.Trim().ToUpperInvariant();
        Kind = kind;
        ParentId = parentId;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string ShortCode { get; private set; } = "";
    public AgencyKind Kind { get; private set; }
    public int? ParentId { get; private set; }
    public Agency? Parent { get; private set; }
    public bool IsActive { get; private set; } = true;

    /// <summary>Number and date of the SK that appoints the agency's liaison officers.</summary>
    public string? LiaisonDecreeNumber { get; private set; }
    public DateOnly? LiaisonDecreeDate { get; private set; }
    public string? ContactEmail { get; private set; }
    public string? ContactPhone { get; private set; }

    public void Rename(string name, AgencyKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        Kind = kind;
    }

    /// <summary>Moves the agency under another; the caller checks the new parent is not inside this agency's own subtree.</summary>
    public void MoveUnder(int? parentId)
    {
        if (parentId == Id && Id != 0)
        {
            throw new DomainException("Agency.CycleNotAllowed");
        }

        ParentId = parentId;
    }

    public void RecordLiaisonDecree(string number, DateOnly date)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        LiaisonDecreeNumber = number.Trim();
        LiaisonDecreeDate = date;
    }

    /// <summary>No decree on record: the evidence pack shows the agency as missing one.</summary>
    public void ClearLiaisonDecree() => (LiaisonDecreeNumber, LiaisonDecreeDate) = (null, null);

    public void SetContact(string? email, string? phone)
    {
        ContactEmail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        ContactPhone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
