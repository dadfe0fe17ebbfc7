namespace Lapor.Web.Domain.Agencies;

/// <summary>A two-level topic tree (e.g. Infrastruktur › Jalan Rusak) used to suggest routing.</summary>
public sealed class Category
{
    private readonly List<CategoryDefaultAgency> _defaultAgencies = [];

    private Category() { }

    public Category(string name, string nameEnglish, int? parentId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        NameEnglish = string.IsNullOrWhiteSpace(nameEnglish) ? Name : nameEnglish.Trim();
        ParentId = parentId;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string NameEnglish { get; private set; } = "";
    public int? ParentId { get; private set; }
    public Category? Parent { get; private set; }
    public bool IsActive { get; private set; } = true;
    public IReadOnlyCollection<CategoryDefaultAgency> DefaultAgencies => _defaultAgencies;

    /// <summary>Sets which agency handles this topic inside one region (a regency or province).</summary>
    public void SetDefaultAgency(int regionAgencyId, int agencyId)
    {
        var existing = _defaultAgencies.FirstOrDefault(d => d.RegionAgencyId == regionAgencyId);
        if (existing is not null)
        {
            _defaultAgencies.Remove(existing);
        }

        _defaultAgencies.Add(new CategoryDefaultAgency(Id, regionAgencyId, agencyId));
    }

    public void Rename(string name, string nameEnglish)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        NameEnglish = string.IsNullOrWhiteSpace(nameEnglish) ? Name : nameEnglish.Trim();
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}

public sealed class CategoryDefaultAgency
{
    private CategoryDefaultAgency() { }

    internal CategoryDefaultAgency(int categoryId, int regionAgencyId, int agencyId)
    {
        CategoryId = categoryId;
        RegionAgencyId = regionAgencyId;
        AgencyId = agencyId;
    }

    public int CategoryId { get; private set; }
    public int RegionAgencyId { get; private set; }
    public int AgencyId { get; private set; }
}
