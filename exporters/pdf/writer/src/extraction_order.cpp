#include "extraction_order.hpp"

#include <algorithm>
#include <iterator>

namespace broadside::pdf {
namespace {

constexpr char32_t lrm = 0x200E;
constexpr char32_t rlm = 0x200F;

struct ClassRun {
    char16_t first;  // the run lasts until the next entry's first code point
    PopplerClass kind;
};

constexpr PopplerClass L = PopplerClass::ltr;
constexpr PopplerClass R = PopplerClass::rtl;
constexpr PopplerClass D = PopplerClass::number;
constexpr PopplerClass N = PopplerClass::neutral;

// Poppler 22.12's classes over the BMP, as runs. Measured, not copied: every code point was
// put between two Hebrew letters and between two Latin letters in an ActualText span, and
// where pdftotext -raw placed it told R, N or L-or-number apart; a page holding only the code
// point and one Hebrew letter told L from number, through the page direction. The table
// follows an old Unicode version's bidi classes (L; R and AL; EN, ES, ET, AN and CS as
// numbers; the rest neutral), so ICU's current answer cannot stand in for it.
constexpr ClassRun class_runs[] = {
    {0x0000, N}, {0x0023, D}, {0x0026, N}, {0x002B, D}, {0x003B, N}, {0x0041, L}, {0x005B, N},
    {0x0061, L}, {0x007B, N}, {0x00A0, D}, {0x00A1, N}, {0x00A2, D}, {0x00A6, N}, {0x00AA, L},
    {0x00AB, N}, {0x00B0, D}, {0x00B4, N}, {0x00B5, L}, {0x00B6, N}, {0x00B9, D}, {0x00BA, L},
    {0x00BB, N}, {0x00C0, L}, {0x00D7, N}, {0x00D8, L}, {0x00F7, N}, {0x00F8, L}, {0x02B9, N},
    {0x02BB, L}, {0x02C2, N}, {0x02D0, L}, {0x02D2, N}, {0x02E0, L}, {0x02E5, N}, {0x02EE, L},
    {0x02EF, N}, {0x0376, L}, {0x037B, N}, {0x0386, L}, {0x0387, N}, {0x0388, L}, {0x03F6, N},
    {0x03F7, L}, {0x0483, N}, {0x048A, L}, {0x058A, N}, {0x05BE, R}, {0x05BF, N}, {0x05C0, R},
    {0x05C1, N}, {0x05C3, R}, {0x05C4, N}, {0x05C5, R}, {0x0604, D}, {0x060D, R}, {0x060E, N},
    {0x0616, R}, {0x064B, N}, {0x0659, D}, {0x066D, R}, {0x0670, N}, {0x0671, R}, {0x06D6, N},
    {0x06DD, R}, {0x06DE, N}, {0x06E5, R}, {0x06E7, N}, {0x06EE, R}, {0x06F0, D}, {0x06FA, R},
    {0x070E, N}, {0x0710, R}, {0x0711, N}, {0x0712, R}, {0x0730, N}, {0x074B, R}, {0x07A6, N},
    {0x07B1, R}, {0x07B2, N}, {0x0903, L}, {0x093A, N}, {0x093D, L}, {0x0941, N}, {0x0949, L},
    {0x094D, N}, {0x094E, L}, {0x0951, N}, {0x0955, L}, {0x0962, N}, {0x0964, L}, {0x0971, N},
    {0x0982, L}, {0x09BA, N}, {0x09BD, L}, {0x09C1, N}, {0x09C5, L}, {0x09CD, N}, {0x09CE, L},
    {0x09E2, N}, {0x09E4, L}, {0x09F2, D}, {0x09F4, L}, {0x09FB, N}, {0x0A03, L}, {0x0A3A, N},
    {0x0A3D, L}, {0x0A41, N}, {0x0A4E, L}, {0x0A70, N}, {0x0A72, L}, {0x0A75, N}, {0x0A83, L},
    {0x0ABA, N}, {0x0ABD, L}, {0x0AC1, N}, {0x0AC9, L}, {0x0ACD, N}, {0x0ACE, L}, {0x0AE2, N},
    {0x0AE4, L}, {0x0AF0, D}, {0x0AF2, N}, {0x0B02, L}, {0x0B3A, N}, {0x0B3D, L}, {0x0B3F, N},
    {0x0B40, L}, {0x0B41, N}, {0x0B44, L}, {0x0B4D, N}, {0x0B57, L}, {0x0B72, N}, {0x0B83, L},
    {0x0BC0, N}, {0x0BC1, L}, {0x0BCD, N}, {0x0BCE, L}, {0x0BF3, N}, {0x0BF9, D}, {0x0BFA, N},
    {0x0BFB, L}, {0x0C3A, N}, {0x0C41, L}, {0x0C45, N}, {0x0C57, L}, {0x0CBA, N}, {0x0CBD, L},
    {0x0CCC, N}, {0x0CCE, L}, {0x0D41, N}, {0x0D44, L}, {0x0D4D, N}, {0x0D4E, L}, {0x0DC7, N},
    {0x0DCB, L}, {0x0DD2, N}, {0x0DD7, L}, {0x0E31, N}, {0x0E32, L}, {0x0E34, N}, {0x0E3B, D},
    {0x0E40, L}, {0x0E47, N}, {0x0E4F, L}, {0x0EB1, N}, {0x0EB2, L}, {0x0EB4, N}, {0x0EBD, L},
    {0x0EC7, N}, {0x0ECE, L}, {0x0F18, N}, {0x0F1A, L}, {0x0F35, N}, {0x0F36, L}, {0x0F37, N},
    {0x0F38, L}, {0x0F39, N}, {0x0F3E, L}, {0x0F6B, N}, {0x0F7F, L}, {0x0F80, N}, {0x0F85, L},
    {0x0F86, N}, {0x0F88, L}, {0x0F8C, N}, {0x0FBD, L}, {0x0FC6, N}, {0x0FC7, L}, {0x102D, N},
    {0x1031, L}, {0x1032, N}, {0x1038, L}, {0x1039, N}, {0x103A, L}, {0x1058, N}, {0x105A, L},
    {0x1677, N}, {0x1681, L}, {0x169B, N}, {0x169D, L}, {0x1712, N}, {0x1715, L}, {0x1732, N},
    {0x1735, L}, {0x1752, N}, {0x1754, L}, {0x1771, N}, {0x1774, L}, {0x17B7, N}, {0x17BE, L},
    {0x17C6, N}, {0x17C7, L}, {0x17C9, N}, {0x17D4, L}, {0x17DB, D}, {0x17DC, L}, {0x17DD, N},
    {0x17DE, L}, {0x17EA, N}, {0x180F, L}, {0x18A9, N}, {0x18AA, L}, {0x191D, N}, {0x1923, L},
    {0x1927, N}, {0x192C, L}, {0x1932, N}, {0x1933, L}, {0x1939, N}, {0x1946, L}, {0x1975, N},
    {0x1A00, L}, {0x1FBD, N}, {0x1FBE, L}, {0x1FBF, N}, {0x1FC2, L}, {0x1FCD, N}, {0x1FD0, L},
    {0x1FDC, N}, {0x1FE0, L}, {0x1FED, N}, {0x1FF0, L}, {0x1FFD, N}, {0x200E, L}, {0x200F, R},
    {0x2010, N}, {0x202A, L}, {0x202B, R}, {0x202C, N}, {0x202D, L}, {0x202E, R}, {0x202F, N},
    {0x2030, D}, {0x2035, N}, {0x2044, D}, {0x2045, N}, {0x2070, D}, {0x2071, L}, {0x2072, D},
    {0x207C, N}, {0x207F, L}, {0x2080, D}, {0x208C, N}, {0x208F, D}, {0x20B2, N}, {0x2102, L},
    {0x2103, N}, {0x2107, L}, {0x2108, N}, {0x210A, L}, {0x2114, N}, {0x2115, L}, {0x2116, N},
    {0x2119, L}, {0x211E, N}, {0x2124, L}, {0x2125, N}, {0x2126, L}, {0x2127, N}, {0x2128, L},
    {0x2129, N}, {0x212A, L}, {0x212E, D}, {0x212F, L}, {0x2132, N}, {0x2133, L}, {0x213A, N},
    {0x213C, L}, {0x2140, N}, {0x2145, L}, {0x214A, N}, {0x2160, L}, {0x2184, N}, {0x2212, D},
    {0x2214, N}, {0x2336, L}, {0x237B, N}, {0x2395, L}, {0x2396, N}, {0x2488, D}, {0x249C, L},
    {0x24EA, N}, {0x2800, L}, {0x2900, N}, {0x3005, L}, {0x3008, N}, {0x3021, L}, {0x302A, N},
    {0x3031, L}, {0x3036, N}, {0x3038, L}, {0x303D, N}, {0x3040, L}, {0x3097, N}, {0x309D, L},
    {0x30A0, N}, {0x30A1, L}, {0x30FB, N}, {0x30FC, L}, {0x321D, N}, {0x321F, L}, {0x3244, N},
    {0x3260, L}, {0x327C, N}, {0x327E, L}, {0x32B1, N}, {0x32C0, L}, {0x32CC, N}, {0x32D0, L},
    {0x3377, N}, {0x337B, L}, {0x33DE, N}, {0x33E0, L}, {0x33FF, N}, {0x3400, L}, {0x4DB6, N},
    {0x4E00, L}, {0xA48D, N}, {0xA4C7, L}, {0xD800, N}, {0xE000, L}, {0xFB18, R}, {0xFB1E, N},
    {0xFB1F, R}, {0xFB29, D}, {0xFB2A, R}, {0xFD3E, N}, {0xFD40, R}, {0xFDFD, N}, {0xFE50, D},
    {0xFE51, N}, {0xFE52, D}, {0xFE53, N}, {0xFE55, D}, {0xFE56, N}, {0xFE5F, D}, {0xFE60, N},
    {0xFE62, D}, {0xFE64, N}, {0xFE69, D}, {0xFE6B, N}, {0xFE6C, R}, {0xFEFD, N}, {0xFF03, D},
    {0xFF06, N}, {0xFF0B, D}, {0xFF1B, N}, {0xFF21, L}, {0xFF3B, N}, {0xFF41, L}, {0xFF5B, N},
    {0xFF66, L}, {0xFFDD, D}, {0xFFE2, N}, {0xFFE5, D}, {0xFFE7, N},
};

bool is_rtl(char32_t c) {
    return poppler_class(c) == PopplerClass::rtl;
}
bool is_neutral(char32_t c) {
    return poppler_class(c) == PopplerClass::neutral;
}
bool is_ltr_or_number(char32_t c) {
    return !is_rtl(c) && !is_neutral(c);
}

void append_reversed(std::u32string& to, const std::u32string& from, std::size_t begin,
                     std::size_t end) {
    for (std::size_t k = end; k > begin; --k) to += from[k - 1];
}

/// Left-to-right page: Poppler keeps each stretch without R characters and reverses each
/// stretch without L characters or numbers. Cut `l` into such stretches, reversing the second
/// kind. Neutrals between a left-to-right character and a right-to-left one stay on the kept
/// side; neutrals after right-to-left text (a space before a number, "!" at the end) start the
/// next kept stretch behind an LRM, which ends the reversed stretch before them. An LRM, not an
/// RLM, so the page's count only grows more left-to-right.
std::u32string for_ltr_page(const std::u32string& l) {
    std::u32string x;
    bool after_reversed = false;
    for (std::size_t i = 0; i < l.size();) {
        std::size_t j = i;
        if (!is_rtl(l[i])) {
            if (after_reversed && is_neutral(l[i])) x += lrm;
            while (j < l.size() && !is_rtl(l[j])) ++j;
            x.append(l, i, j - i);
            after_reversed = false;
        } else {
            while (j < l.size() && !is_ltr_or_number(l[j])) ++j;
            while (!is_rtl(l[j - 1])) --j;  // trailing neutrals go to the next kept stretch
            append_reversed(x, l, i, j);
            after_reversed = true;
        }
        i = j;
    }
    return x;
}

/// Right-to-left page: Poppler reads the line from its right end, emitting stretches without
/// L characters or numbers as read and stretches without R characters turned back to left to
/// right. Build that reading (`y`), then reverse it into left-to-right placement. Neutrals
/// after left-to-right text start the next right-to-left stretch behind an RLM (the page's
/// direction again).
std::u32string for_rtl_page(const std::u32string& l) {
    std::u32string y;
    bool after_ltr = false;
    for (std::size_t i = 0; i < l.size();) {
        std::size_t j = i;
        if (!is_ltr_or_number(l[i])) {
            if (after_ltr && is_neutral(l[i])) y += rlm;
            while (j < l.size() && !is_ltr_or_number(l[j])) ++j;
            y.append(l, i, j - i);
            after_ltr = false;
        } else {
            while (j < l.size() && !is_rtl(l[j])) ++j;
            while (is_neutral(l[j - 1])) --j;  // trailing neutrals go to the next stretch
            append_reversed(y, l, i, j);
            after_ltr = true;
        }
        i = j;
    }
    // pdftotext drops a '-' that ends a line's stored text and joins the next line to it, as
    // for a word hyphenated at a line break. A line that starts "20-..." would end that way
    // here; an RLM after it (first in the reading) keeps the hyphen.
    if (!y.empty() && y.front() == U'-' && l.back() != U'-') y.insert(y.begin(), rlm);
    return {y.rbegin(), y.rend()};
}

}  // namespace

PopplerClass poppler_class(char32_t c) {
    if (c > 0xFFFF) return PopplerClass::neutral;
    auto after = std::upper_bound(
        std::begin(class_runs), std::end(class_runs), c,
        [](char32_t v, const ClassRun& run) { return v < static_cast<char32_t>(run.first); });
    return std::prev(after)->kind;
}

int direction_balance(const std::u32string& text) {
    int balance = 0;
    for (char32_t c : text) {
        PopplerClass k = poppler_class(c);
        if (k == PopplerClass::ltr) ++balance;
        if (k == PopplerClass::rtl) --balance;
    }
    return balance;
}

std::u32string poppler_actual_text(const std::u32string& logical, bool page_left_to_right) {
    // No special case for text made only of right-to-left letters: Poppler 22.12 does not
    // reverse such a span on input (xpdf does, for right-to-left ligatures), so a one-word
    // heading goes through the same rule as a sentence.
    return page_left_to_right ? for_ltr_page(logical) : for_rtl_page(logical);
}

}  // namespace broadside::pdf
