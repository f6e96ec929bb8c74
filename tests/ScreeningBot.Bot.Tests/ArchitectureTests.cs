using System.Reflection;
using System.Reflection.Emit;
using ScreeningBot.Bot.Hosting;

namespace ScreeningBot.Bot.Tests;

/// <summary>
/// The shape docs/architecture.md describes, checked on the compiled bot: channels translate and nothing more, so no channel
/// folder touches a store, and no channel reaches into another. Every type a channel's code mentions counts: signatures,
/// fields, base types, and what its method bodies call, create, cast to or read (its compiler-made lambdas and state
/// machines included).
/// </summary>
public sealed class ArchitectureTests
{
    private const string Bot = "ScreeningBot.Bot.";

    private static readonly string[] Channels = [Bot + "BotFramework", Bot + "Slack", Bot + "Playground", Bot + "InterviewLinks"];

    private static readonly string[] Stores = ["ScreeningBot.Dialogs.Storage", Bot + "Storage"];

    private static readonly Lazy<Dictionary<string, HashSet<Type>>> ReferencesByNamespace = new(Scan);

    public static TheoryData<string> ChannelNamespaces => new(Channels);

    [Theory]
    [MemberData(nameof(ChannelNamespaces))]
    public void Channel_ReferencesNoStoreType(string channel)
    {
        var stores = ReferencedFrom(channel).Where(t => Stores.Any(s => InNamespace(t, s))).Select(t => t.FullName).Order().ToArray();

        Assert.True(stores.Length == 0, $"{channel} must reach storage only through the turn host and the command service, but uses: {string.Join(", ", stores)}");
    }

    [Theory]
    [MemberData(nameof(ChannelNamespaces))]
    public void Channel_ReferencesNoOtherChannel(string channel)
    {
        var others = ReferencedFrom(channel).Where(t => Channels.Any(c => c != channel && InNamespace(t, c))).Select(t => t.FullName).Order().ToArray();

        Assert.True(others.Length == 0, $"{channel} must not depend on another channel, but uses: {string.Join(", ", others)}");
    }

    [Fact]
    public void Scan_SeesTypesUsedOnlyInsideMethodBodies()
    {
        // The turn host uses SHA256 (the ledger key) only inside a method body, and the ledger port only through a constructor parameter.
        var used = ReferencedFrom(Bot + "Turns");

        Assert.Contains(typeof(System.Security.Cryptography.SHA256), used);
        Assert.Contains(typeof(Dialogs.Storage.IProcessedMessageLedger), used);
    }

    private static HashSet<Type> ReferencedFrom(string ns) => ReferencesByNamespace.Value.TryGetValue(ns, out var types) ? types : [];

    private static bool InNamespace(Type type, string ns) =>
        type.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal));

    private static Dictionary<string, HashSet<Type>> Scan()
    {
        var assembly = typeof(BotRoutes).Assembly;
        var result = new Dictionary<string, HashSet<Type>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var ns = OwnerOf(type).Namespace ?? string.Empty;
            if (!result.TryGetValue(ns, out var used))
            {
                result[ns] = used = [];
            }

            Collect(type, used);
        }

        return result;
    }

    /// <summary>The outermost declaring type: compiler-made nested types belong to the type they were made for.</summary>
    private static Type OwnerOf(Type type) => type.DeclaringType is { } outer ? OwnerOf(outer) : type;

    private static void Collect(Type type, HashSet<Type> used)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        Add(used, type.BaseType);
        foreach (var face in type.GetInterfaces())
        {
            Add(used, face);
        }

        foreach (var field in type.GetFields(All))
        {
            Add(used, field.FieldType);
        }

        foreach (var property in type.GetProperties(All))
        {
            Add(used, property.PropertyType);
        }

        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo info)
            {
                Add(used, info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(used, parameter.ParameterType);
            }

            foreach (var local in method.GetMethodBody()?.LocalVariables ?? [])
            {
                Add(used, local.LocalType);
            }

            CollectBody(method, used);
        }
    }

    /// <summary>Every type, method and field token in the method's IL, resolved to the types it names.</summary>
    private static void CollectBody(MethodBase method, HashSet<Type> used)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return;
        }

        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var position = 0; position < il.Length;)
        {
            var code = il[position] == 0xFE ? OpCodesByValue.TwoByte[il[position + 1]] : OpCodesByValue.OneByte[il[position]];
            position += code.Size;
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, position), typeArguments, methodArguments);
                switch (member)
                {
                    case Type named:
                        Add(used, named);
                        break;
                    case MethodBase called:
                        Add(used, called.DeclaringType);
                        break;
                    case FieldInfo read:
                        Add(used, read.DeclaringType);
                        Add(used, read.FieldType);
                        break;
                }
            }

            position += OperandSize(code.OperandType, il, position);
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int position) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (BitConverter.ToInt32(il, position) * 4),
        _ => 4,
    };

    private static void Add(HashSet<Type> used, Type? type)
    {
        if (type is null || !used.Add(type))
        {
            return;
        }

        if (type.HasElementType)
        {
            Add(used, type.GetElementType());
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Add(used, argument);
            }
        }
    }

    private static class OpCodesByValue
    {
        public static readonly OpCode[] OneByte = new OpCode[256];
        public static readonly OpCode[] TwoByte = new OpCode[256];

        static OpCodesByValue()
        {
            foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var code = (OpCode)field.GetValue(null)!;
                if (code.Size == 1)
                {
                    OneByte[(byte)code.Value] = code;
                }
                else
                {
                    TwoByte[(byte)(code.Value & 0xFF)] = code;
                }
            }
        }
    }
}
