#include "extraction_order.hpp"

#include <unicode/uchar.h>

#include <algorithm>

namespace broadside::pdf {
namespace {

constexpr char32_t lrm = 0x200E;
constexpr char32_t rlm = 0x200F;

/// Poppler's three classes: strong right-to-left, strong left-to-right or number, neutral.
enum class Kind { rtl, ltr_or_number, neutral };

Kind kind(char32_t c) {
    switch (u_charDirection(static_cast<UChar32>(c))) {
        case U_RIGHT_TO_LEFT:
        case U_RIGHT_TO_LEFT_ARABIC:
            return Kind::rtl;
        case U_LEFT_TO_RIGHT:
        case U_EUROPEAN_NUMBER:
        case U_ARABIC_NUMBER:
            return Kind::ltr_or_number;
        default:
            return Kind::neutral;
    }
}

bool all_rtl(const std::u32string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char32_t c) { return kind(c) == Kind::rtl; });
}

/// Left-to-right page: Poppler emits a non-R section as it is and the following non-L section
/// reversed. Build the characters it must see, section by section.
std::u32string for_ltr_page(const std::u32string& l) {
    std::u32string x;
    bool after_rtl = false;
    for (std::size_t i = 0; i < l.size();) {
        if (kind(l[i]) != Kind::rtl) {
            // A neutral right after a reversed section would be pulled into it; an LRM ends
            // that section first.
            if (after_rtl && kind(l[i]) == Kind::neutral) x += lrm;
            std::size_t j = i;
            while (j < l.size() && kind(l[j]) != Kind::rtl) ++j;
            x.append(l, i, j - i);
            i = j;
            after_rtl = false;
        } else {
            std::size_t j = i;
            while (j < l.size() && kind(l[j]) != Kind::ltr_or_number) ++j;
            while (j > i && kind(l[j - 1]) != Kind::rtl) --j;  // trailing neutrals go forward
            std::u32string seg = l.substr(i, j - i);
            x.append(seg.rbegin(), seg.rend());
            i = j;
            after_rtl = true;
        }
    }
    return x;
}

/// Right-to-left page: Poppler reads the line from its right end, emitting non-L sections as
/// read and non-R sections turned back to left-to-right. Build the reading from the right
/// (`y`), then reverse it into left-to-right placement.
std::u32string for_rtl_page(const std::u32string& l) {
    std::u32string y;
    bool after_ltr = false;
    for (std::size_t i = 0; i < l.size();) {
        if (kind(l[i]) != Kind::ltr_or_number) {
            if (after_ltr && kind(l[i]) == Kind::neutral) y += rlm;
            std::size_t j = i;
            while (j < l.size() && kind(l[j]) != Kind::ltr_or_number) ++j;
            y.append(l, i, j - i);
            i = j;
            after_ltr = false;
        } else {
            std::size_t j = i;
            while (j < l.size() && kind(l[j]) != Kind::rtl) ++j;
            while (j > i && kind(l[j - 1]) != Kind::ltr_or_number) --j;
            std::u32string seg = l.substr(i, j - i);
            y.append(seg.rbegin(), seg.rend());
            i = j;
            after_ltr = true;
        }
    }
    return {y.rbegin(), y.rend()};
}

}  // namespace

int direction_balance(const std::u32string& text) {
    int balance = 0;
    for (char32_t c : text) {
        auto d = u_charDirection(static_cast<UChar32>(c));
        if (d == U_LEFT_TO_RIGHT) ++balance;
        if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC) --balance;
    }
    return balance;
}

std::u32string poppler_actual_text(const std::u32string& logical, bool page_left_to_right) {
    std::u32string x = page_left_to_right ? for_ltr_page(logical) : for_rtl_page(logical);
    // Poppler inserts a span made only of right-to-left letters in reverse (it takes it for a
    // ligature drawn right to left); hand it the logical text then, which it turns back.
    if (all_rtl(x)) return logical;
    return x;
}

}  // namespace broadside::pdf
