#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"
#include "broadside/core/resources.hpp"

namespace broadside::core {

/// One signer, printed under the closing; several signers stand side by side.
struct Signature {
    std::string name;
    std::string title;
    std::string org;
    std::string image;  ///< resolved path of a signature image, empty when none
};

/// Co-signing organisations under one heading (the heading is empty when ungrouped).
struct SignatoryGroup {
    std::string name;
    std::vector<std::string> members;
};

/// The co-signers of a joint letter, sorted and grouped as the front matter asks.
struct Signatories {
    std::vector<SignatoryGroup> groups;
    int columns = 2;  ///< 1..3
    [[nodiscard]] int count() const;
};

/// Everything a letter prints besides its body, read from front matter (LETTERS.md). Strings
/// are plain text; lists of lines are kept as lines.
struct Letter {
    std::string sender_name;
    std::vector<std::string> sender_address;  ///< lines after the name
    std::vector<std::string> sender_contact;  ///< phone, e-mail, web, each a line
    std::string return_line;  ///< the small line above the window; built from the sender if not given
    std::string letterhead_image;               ///< resolved path, empty when none
    std::vector<std::string> letterhead_text;   ///< lines; the sender's name when nothing is given
    std::vector<std::string> recipient;         ///< address lines for the window
    std::string notes;                          ///< e.g. "Registered"
    std::optional<Date> date;
    std::string place;
    /// Front-matter key (`your-ref`, `our-ref`, or any other) and value, in order; the
    /// layout prints the key's word in the letter's language.
    std::vector<std::pair<std::string, std::string>> references;
    std::string subject;
    std::string opening;
    std::string closing;
    std::vector<Signature> signatures;
    Signatories signatories;
    std::vector<std::string> cc;
    std::vector<std::string> enclosures;
    std::string postscript;
    std::string lang = "en";
};

/// Reads the letter fields of `doc`. Missing sender or recipient fields leave their zones empty
/// with a warning naming the keys to add; a document without any letter fields (a blog post)
/// still gives a letter: its title as subject, its date. Files named by the front matter
/// (letterhead, signature images, a signatories CSV) are resolved through `resources`; problems
/// with them are warnings. Errors (a malformed signatories file) make the result empty.
std::optional<Letter> read_letter(const Document& doc, const ResourcePolicy& resources,
                                  Diagnostics& diags);

}  // namespace broadside::core
