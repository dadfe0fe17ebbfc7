using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lapor.Web.Operations.Generation;

/// <summary>A column's value as the bulk writers store it: the entity's, or the caller's override by property name, through the column's converter.</summary>
internal static class StoredValue
{
    public static object? Of(object entity, IProperty property, IClrPropertyGetter getter, ValueConverter? converter, (string Property, object? Value)[] overrides)
    {
        var value = getter.GetClrValueUsingContainingEntity(entity);
        foreach (var (name, replacement) in overrides)
        {
            if (name == property.Name)
            {
                value = replacement;
            }
        }

        return value is null ? null : converter?.ConvertToProvider(value) ?? value;
    }
}
