#pragma once

#include <string>
#include <string_view>

namespace broadside::core {

/// Decodes `%XX` escapes (as in `my%20post.md` or `#caf%C3%A9`); other characters, and a `%`
/// not followed by two hex digits, are kept as they are.
std::string percent_decode(std::string_view text);

/// `url` (an absolute URL with a scheme, as `https://❤.rust-lang.org/a b#x#y`) written the way
/// RFC 3986 allows, as XHTML readers and PDF viewers require: an internationalized host in
/// punycode (UTS #46, as browsers do), or percent-encoded when it is no valid IDN; every other
/// character a URI cannot hold percent-encoded as UTF-8 (spaces, non-ASCII, a second `#`).
/// `%XX` escapes already present stay as they are.
std::string valid_uri(std::string_view url);

/// Whether `text` begins with `prefix`, ASCII letters compared without case (`HTTPS:`, `//`).
bool starts_with_ignoring_case(std::string_view text, std::string_view prefix);

}  // namespace broadside::core
