using System.Reflection;
using System.Reflection.Emit;

namespace Dashboard.Web.Tests.Architecture;

/// <summary>
/// Which types of the web assembly each of its types refers to: in signatures, fields, base types, attributes and
/// in method bodies (the IL's type, method and field tokens), nested and compiler-generated types counted as their
/// declaring type's. Enough to see every dependency that the compiler can see.
/// </summary>
internal static class WebTypeReferences
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OperandSize> OperandSizes = BuildOperandSizes();

    /// <summary>Top-level type → the top-level types of the same assembly it refers to.</summary>
    public static IReadOnlyDictionary<Type, HashSet<Type>> Of(Assembly assembly)
    {
        var result = new Dictionary<Type, HashSet<Type>>();
        foreach (var type in assembly.GetTypes())
        {
            var owner = TopLevel(type);
            if (!result.TryGetValue(owner, out var references))
            {
                references = [];
                result[owner] = references;
            }

            foreach (var referenced in ReferencedBy(type))
            {
                foreach (var inner in Flatten(referenced))
                {
                    if (inner.Assembly == assembly && TopLevel(inner) != owner)
                    {
                        references.Add(TopLevel(inner));
                    }
                }
            }
        }

        return result;
    }

    private static Type TopLevel(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            foreach (var inner in Flatten(element))
            {
                yield return inner;
            }

            yield break;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            yield return type.GetGenericTypeDefinition();
            foreach (var argument in type.GetGenericArguments())
            {
                foreach (var inner in Flatten(argument))
                {
                    yield return inner;
                }
            }

            yield break;
        }

        if (!type.IsGenericParameter)
        {
            yield return type;
        }
    }

    private static IEnumerable<Type> ReferencedBy(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var face in type.GetInterfaces())
        {
            yield return face;
        }

        foreach (var attribute in type.GetCustomAttributesData())
        {
            yield return attribute.AttributeType;
            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Value is Type typed)
                {
                    yield return typed;
                }
            }
        }

        foreach (var field in type.GetFields(Everything))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(Everything))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            foreach (var used in InBody(method))
            {
                yield return used;
            }
        }
    }

    private static List<Type> InBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return [];
        }

        var found = new List<Type>();
        var position = 0;
        while (position < il.Length)
        {
            short code = il[position++];
            if (code == 0xFE && position < il.Length)
            {
                code = (short)(0xFE00 | il[position++]);
            }

            if (!OperandSizes.TryGetValue(code, out var operand))
            {
                break;
            }

            if (operand.IsToken && position + 4 <= il.Length)
            {
                var token = BitConverter.ToInt32(il, position);
                if (Resolve(method, token) is { } type)
                {
                    found.Add(type);
                }
            }

            position += operand.Size == -1 ? 4 + (4 * BitConverter.ToInt32(il, position)) : operand.Size;
        }

        return found;
    }

    private static Type? Resolve(MethodBase method, int token)
    {
        try
        {
            var generics = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
            var methodGenerics = method.IsGenericMethod ? method.GetGenericArguments() : null;
            return method.Module.ResolveMember(token, generics, methodGenerics) switch
            {
                Type type => type,
                MemberInfo member => member.DeclaringType,
                _ => null,
            };
        }
        catch (ArgumentException)
        {
            // A string or signature token: no type behind it.
            return null;
        }
    }

    private static Dictionary<short, OperandSize> BuildOperandSizes()
    {
        var sizes = new Dictionary<short, OperandSize>();
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is not OpCode opCode)
            {
                continue;
            }

            sizes[opCode.Value] = opCode.OperandType switch
            {
                OperandType.InlineNone => new OperandSize(0, false),
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => new OperandSize(1, false),
                OperandType.InlineVar => new OperandSize(2, false),
                OperandType.InlineI8 or OperandType.InlineR => new OperandSize(8, false),
                OperandType.InlineSwitch => new OperandSize(-1, false),
                OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok => new OperandSize(4, true),
                _ => new OperandSize(4, false),
            };
        }

        return sizes;
    }

    private readonly record struct OperandSize(int Size, bool IsToken);
}
