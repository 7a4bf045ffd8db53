using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Faktum.Licensing.Tests.Architecture;

/// <summary>
/// The client package is only the client (issue 12, item 4): the assembly every desktop app ships neither issues nor
/// handles private keys, and shares no internals with a deployable. Both tests fail on the tree before the vendor split
/// (public LicenseTokenIssuer, Ed25519SecurityKey.Generate/FromPrivateKeySeed/ExportPrivateKeyPem/ExportPrivateKeySeed/
/// CanSign/ExportJwk(includePrivateKey), and InternalsVisibleTo Faktum.Licensing.Server and Faktum.Licensing.Benchmarks).
/// </summary>
public partial class ClientPackageGuardTests
{
    private static readonly Assembly Sdk = typeof(FaktumLicensingOptions).Assembly;

    [Fact]
    public void The_sdk_exports_no_issuing_signing_or_private_key_types_or_members()
    {
        var offences = new List<string>();
        foreach (var type in Sdk.GetExportedTypes())
        {
            if (ForbiddenTypeName().IsMatch(type.Name))
            {
                offences.Add($"type {type.FullName}");
            }

            const BindingFlags Visible = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(Visible).Where(IsVisibleOutside).Where(m => !OverridesForeignMember(m)))
            {
                if (ForbiddenMemberName().IsMatch(member.Name))
                {
                    offences.Add($"member {type.FullName}.{member.Name}");
                }

                var parameters = member switch
                {
                    MethodBase method => method.GetParameters(),
                    PropertyInfo property => property.GetIndexParameters(),
                    _ => [],
                };
                offences.AddRange(parameters.Where(p => ForbiddenParameterName().IsMatch(p.Name ?? string.Empty))
                    .Select(p => $"parameter {p.Name} of {type.FullName}.{member.Name}"));
            }
        }

        Assert.True(offences.Count == 0, "Vendor-side API in the client package (move it to Faktum.Licensing.Vendor): " + string.Join(", ", offences));
    }

    [Fact]
    public void The_sdk_grants_internals_only_to_test_assemblies()
    {
        var friends = Sdk.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName.Split(',')[0].Trim()).ToList();

        Assert.NotEmpty(friends);
        Assert.All(friends, name => Assert.True(
            name.Split('.').Contains("Tests", StringComparer.Ordinal),
            $"The SDK grants InternalsVisibleTo to '{name}', which is not a test assembly: share code as linked source (src/Shared) instead."));
    }

    private static bool IsVisibleOutside(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(IsVisibleOutside),
        EventInfo @event => @event.AddMethod is { } add && IsVisibleOutside(add),
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        Type nested => nested.IsNestedPublic || nested.IsNestedFamily || nested.IsNestedFamORAssem,
        _ => false,
    };

    // IdentityModel's own members (HasPrivateKey, PrivateKeyStatus) only report that a key holds no private key.
    private static bool OverridesForeignMember(MemberInfo member)
    {
        var method = member switch
        {
            MethodInfo m => m,
            PropertyInfo p => p.GetMethod,
            _ => null,
        };
        return method is not null && method.GetBaseDefinition().DeclaringType?.Assembly != Sdk;
    }

    [GeneratedRegex("Issuer|Signer|SigningKey")]
    private static partial Regex ForbiddenTypeName();

    // Generate…, …Sign / Sign… / CanSign (not Signature), …PrivateKey…, …Seed….
    [GeneratedRegex("^Generate|Sign(?![a-z])|PrivateKey|Seed")]
    private static partial Regex ForbiddenMemberName();

    [GeneratedRegex("(?i)private|seed")]
    private static partial Regex ForbiddenParameterName();
}
