namespace Faktum.Licensing.Companies;

/// <summary>
/// Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt, Unicode 16): characters that render as
/// nothing. .NET has no API for it, and many are letters or marks by category (the Hangul fillers U+115F, U+3164 and U+FFA0
/// are letters), so a category check alone lets them through. Every text field refuses them.
/// </summary>
internal static class InvisibleCharacters
{
    /// <summary>Whether <paramref name="codePoint"/> is a default-ignorable code point.</summary>
    public static bool IsDefaultIgnorable(int codePoint) => codePoint switch
    {
        0x00AD or 0x034F or 0x061C or 0x3164 or 0xFEFF or 0xFFA0 => true,
        >= 0x115F and <= 0x1160 => true,
        >= 0x17B4 and <= 0x17B5 => true,
        >= 0x180B and <= 0x180F => true,
        >= 0x200B and <= 0x200F => true,
        >= 0x202A and <= 0x202E => true,
        >= 0x2060 and <= 0x206F => true,
        >= 0xFE00 and <= 0xFE0F => true,
        >= 0xFFF0 and <= 0xFFF8 => true,
        >= 0x1BCA0 and <= 0x1BCA3 => true,
        >= 0x1D173 and <= 0x1D17A => true,
        >= 0xE0000 and <= 0xE0FFF => true,
        _ => false,
    };
}
