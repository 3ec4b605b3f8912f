#pragma once

#include <optional>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"
#include "broadside/styles/style.hpp"
#include "options.hpp"

namespace broadside::cli {

/// The style a PDF of `doc` is set in: `--style` when given (the user's choice, read from
/// anywhere), else the front matter's `style:` held to the document's folder and the
/// `--resource-path` folders, else `default`. Errors go to `diags` and the result is empty.
std::optional<styles::Style> document_style(const core::Document& doc, const Options& options,
                                            core::Diagnostics& diags);

}  // namespace broadside::cli
