#include "broadside/core/url.hpp"

#include <unicode/uidna.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace broadside::core {
namespace {

bool is_hex(char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

bool is_unreserved(unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

bool is_sub_delim(unsigned char c) {
    return c != 0 &&
           std::string_view("!$&'()*+,;=").find(static_cast<char>(c)) != std::string_view::npos;
}

// Appends `part` with every byte that is neither unreserved, a sub-delimiter, one of `allowed`
// nor part of a `%XX` escape written as `%XX`.
void append_encoded(std::string_view part, std::string_view allowed, std::string& out) {
    for (std::size_t i = 0; i < part.size(); ++i) {
        const auto c = static_cast<unsigned char>(part[i]);
        if (c == '%' && i + 2 < part.size() && is_hex(part[i + 1]) && is_hex(part[i + 2])) {
            out.append(part.substr(i, 3));
            i += 2;
        } else if (is_unreserved(c) || is_sub_delim(c) ||
                   (c != '%' && allowed.find(static_cast<char>(c)) != std::string_view::npos)) {
            out += static_cast<char>(c);
        } else {
            char escape[4];
            std::snprintf(escape, sizeof escape, "%%%02X", c);
            out += escape;
        }
    }
}

// The host in ASCII: punycode for an internationalized domain name (nontransitional UTS #46
// processing, as browsers do); percent-encoded UTF-8 when it is no valid IDN.
void append_host(std::string_view host, std::string& out) {
    if (std::all_of(host.begin(), host.end(), [](char c) { return (c & 0x80) == 0; })) {
        append_encoded(host, "", out);
        return;
    }
    UErrorCode status = U_ZERO_ERROR;
    // Immutable once made, so one instance serves all threads.
    static UIDNA* const idna =
        uidna_openUTS46(UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_CHECK_BIDI, &status);
    status = U_ZERO_ERROR;
    UIDNAInfo info = UIDNA_INFO_INITIALIZER;
    char ascii[256];  // a DNS name has at most 253 characters
    const std::int32_t length =
        idna ? uidna_nameToASCII_UTF8(idna, host.data(), static_cast<std::int32_t>(host.size()),
                                      ascii, sizeof ascii, &info, &status)
             : 0;
    if (idna && U_SUCCESS(status) && info.errors == 0 && length > 0 &&
        length < static_cast<std::int32_t>(sizeof ascii)) {
        out.append(ascii, static_cast<std::size_t>(length));
    } else {
        append_encoded(host, "", out);
    }
}

}  // namespace

std::string percent_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && is_hex(s[i + 1]) && is_hex(s[i + 2])) {
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string valid_uri(std::string_view url) {
    std::string out;
    const std::size_t colon = url.find(':');
    const std::size_t first_delimiter = url.find_first_of("/?#");
    std::string_view rest = url;
    if (colon != std::string_view::npos && colon < first_delimiter) {
        out.append(url.substr(0, colon + 1));
        rest = url.substr(colon + 1);
    }
    if (rest.starts_with("//")) {
        const std::size_t end = std::min(rest.find_first_of("/?#", 2), rest.size());
        std::string_view authority = rest.substr(2, end - 2);
        out += "//";
        if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
            append_encoded(authority.substr(0, at), ":", out);
            out += '@';
            authority.remove_prefix(at + 1);
        }
        std::string_view port;
        if (authority.starts_with('[')) {  // an IPv6 address stays as written
            const std::size_t close = std::min(authority.find(']'), authority.size() - 1);
            out.append(authority.substr(0, close + 1));
            port = authority.substr(close + 1);
        } else {
            const std::size_t port_colon = authority.rfind(':');
            append_host(percent_decode(authority.substr(0, port_colon)), out);
            if (port_colon != std::string_view::npos) port = authority.substr(port_colon);
        }
        append_encoded(port, ":", out);
        rest.remove_prefix(end);
    }
    const std::size_t hash = rest.find('#');
    const std::size_t query = rest.substr(0, hash).find('?');
    append_encoded(rest.substr(0, std::min(query, hash)), ":@/", out);
    if (query != std::string_view::npos) {
        out += '?';
        append_encoded(
            rest.substr(query + 1,
                        hash == std::string_view::npos ? std::string_view::npos : hash - query - 1),
            ":@/?", out);
    }
    if (hash != std::string_view::npos) {
        out += '#';
        append_encoded(rest.substr(hash + 1), ":@/?", out);
    }
    return out;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) !=
            std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    }
    return true;
}

}  // namespace broadside::core
