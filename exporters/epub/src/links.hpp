#pragma once

#include "broadside/core/url.hpp"

#include <string>

#include "book_plan.hpp"

namespace broadside::epub {

/// Where a Markdown link goes in the book.
struct LinkTarget {
    enum class Kind { external, internal, none } kind = Kind::none;
    std::string href;         ///< for external and internal: the value of the `href` attribute
    std::string problem;      ///< for none (and a lost fragment): one sentence for a warning
    std::size_t chapter = 0;  ///< for internal: the post's index in plan.posts
    std::string id;           ///< for internal: the model's id of the heading named, if any
};

/// Resolves `url` written in the post `from` (index into plan.posts): web and mail links stay,
/// links to other posts (`other.md`, `2021-07-12-other.md#part`, `/blog/other/`) become the
/// chapter file with the fragment mapped to its XHTML id, links within the post keep their
/// fragment, and everything else (files outside the book, drafts, unknown ids) is `none`.
/// A fragment names a heading by its id, or, since every generator makes ids its own way
/// (`relink-don-t-rebuild`, `relink-dont-rebuild`), by the same letters and digits.
LinkTarget resolve_link(const std::string& url, const BookPlan& plan, std::size_t from);

/// The XHTML id for a heading id of the model: the same when it is a safe XML name that does
/// not collide with the ids the book makes itself (`bs-…`), else prefixed with `h-`.
std::string heading_xhtml_id(const std::string& id);

}  // namespace broadside::epub
