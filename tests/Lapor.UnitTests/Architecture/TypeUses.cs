using Mono.Cecil;

namespace Lapor.UnitTests.Architecture;

/// <summary>
/// Every type a type uses, read from its IL: base type, interfaces, attributes, fields, properties,
/// events, method signatures, generic arguments and constraints, locals, catch clauses, and each
/// type, method or field an instruction names. Signatures alone would miss a service resolved with
/// <c>GetService(typeof(X))</c> or a call made inside a method body.
/// </summary>
internal static class TypeUses
{
    /// <summary>
    /// Nested types act for the type that declares them: the compiler's async state machines,
    /// lambdas' closure classes and display classes are part of the code that wrote them.
    /// </summary>
    public static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    /// <summary>The outermost types <paramref name="type"/> names anywhere (itself included).</summary>
    public static IEnumerable<TypeReference> Of(TypeDefinition type)
    {
        var used = new List<TypeReference?> { type.BaseType };
        used.AddRange(type.Interfaces.Select(i => i.InterfaceType));
        used.AddRange(Attributes(type));
        used.AddRange(Constraints(type));
        used.AddRange(type.Fields.SelectMany(f => Attributes(f).Prepend(f.FieldType)));
        used.AddRange(type.Properties.SelectMany(p => Attributes(p).Prepend(p.PropertyType)));
        used.AddRange(type.Events.SelectMany(e => Attributes(e).Prepend(e.EventType)));
        used.AddRange(type.Methods.SelectMany(InMethod));
        return used.OfType<TypeReference>().SelectMany(Parts);
    }

    private static IEnumerable<TypeReference?> InMethod(MethodDefinition method)
    {
        var used = new List<TypeReference?>(Signature(method));
        used.AddRange(Attributes(method));
        used.AddRange(Attributes(method.MethodReturnType));
        used.AddRange(method.Parameters.SelectMany(Attributes));
        used.AddRange(Constraints(method));
        used.AddRange(method.Overrides.SelectMany(Member));
        if (method.HasBody)
        {
            used.AddRange(method.Body.Variables.Select(v => v.VariableType));
            used.AddRange(method.Body.ExceptionHandlers.Select(h => h.CatchType));
            used.AddRange(method.Body.Instructions.SelectMany(i => Operand(i.Operand)));
        }

        return used;
    }

    /// <summary>What an instruction names: ldtoken/castclass/isinst/box/newarr name a type, call/newobj/ldftn a method, ldfld/stfld a field, calli a signature.</summary>
    private static IEnumerable<TypeReference?> Operand(object? operand) => operand switch
    {
        TypeReference type => [type],
        MemberReference member => Member(member),
        CallSite site => Signature(site),
        _ => [],
    };

    private static IEnumerable<TypeReference?> Member(MemberReference member) => member switch
    {
        GenericInstanceMethod generic => Member(generic.ElementMethod).Concat(generic.GenericArguments),
        MethodReference method => Signature(method).Prepend(method.DeclaringType),
        FieldReference field => [field.DeclaringType, field.FieldType],
        _ => [member.DeclaringType],
    };

    private static IEnumerable<TypeReference> Signature(IMethodSignature method) =>
        method.Parameters.Select(p => p.ParameterType).Prepend(method.ReturnType);

    private static IEnumerable<TypeReference?> Constraints(IGenericParameterProvider provider) =>
        provider.GenericParameters.SelectMany(g => Attributes(g).Concat(g.Constraints.Select(c => c.ConstraintType)));

    private static IEnumerable<TypeReference?> Attributes(ICustomAttributeProvider provider) =>
        provider.CustomAttributes.SelectMany(a => a.ConstructorArguments
            .Concat(a.Fields.Select(f => f.Argument))
            .Concat(a.Properties.Select(p => p.Argument))
            .SelectMany(Argument)
            .Prepend(a.AttributeType));

    /// <summary>An attribute argument names its own type (an enum, say) and, for <c>typeof(X)</c>, X.</summary>
    private static IEnumerable<TypeReference?> Argument(CustomAttributeArgument argument) => argument.Value switch
    {
        TypeReference type => [argument.Type, type],
        CustomAttributeArgument boxed => Argument(boxed).Prepend(argument.Type),
        CustomAttributeArgument[] items => items.SelectMany(Argument).Prepend(argument.Type),
        _ => [argument.Type],
    };

    /// <summary>Takes a constructed type apart: List&lt;Report&gt;[] uses List`1 and Report.</summary>
    private static IEnumerable<TypeReference> Parts(TypeReference type) => type switch
    {
        GenericParameter => [],
        GenericInstanceType generic => generic.GenericArguments.SelectMany(Parts).Concat(Parts(generic.ElementType)),
        IModifierType modified => Parts(modified.ModifierType).Concat(Parts(modified.ElementType)),
        FunctionPointerType pointer => Signature(pointer).SelectMany(Parts),
        TypeSpecification specification => Parts(specification.ElementType),
        _ => [Outermost(type)],
    };
}
