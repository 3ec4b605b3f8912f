// broadside as a library, in one header: read Markdown with front matter, choose a style, get
// PDF or ePub bytes, run a mail merge. The types are the modules' own (core::Document,
// styles::Style, core::Diagnostics), whose headers come with this one; link
// `broadside::broadside` (CMake: find_package(broadside CONFIG)) or `pkg-config broadside`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"
#include "broadside/core/job_settings.hpp"
#include "broadside/core/records.hpp"
#include "broadside/merge/merge_job.hpp"
#include "broadside/styles/style.hpp"

namespace broadside {

/// The library's version, as the `broadside` program prints it.
std::string version();

/// Reads a Markdown file with YAML or TOML front matter. Errors (and warnings) go to `diags`;
/// nothing comes back on an error.
std::optional<core::Document> read_file(const std::string& path, core::Diagnostics& diags);

/// Reads Markdown from memory. `name` stands for the file in messages and is where the
/// document's relative images and files are looked up from (`letters/x.md` → `letters/`).
std::optional<core::Document> read_string(std::string_view markdown, const std::string& name,
                                          core::Diagnostics& diags);

/// A preset by name (`default`, `din-5008-a`, `us-letter-no10`…) or a style file by path.
std::optional<styles::Style> load_style(const std::string& name_or_path, core::Diagnostics& diags);

/// The style `doc` asks for in its front matter (`style: din-5008-b`, or a file beside it),
/// else `default`.
std::optional<styles::Style> style_for(const core::Document& doc, core::Diagnostics& diags);

/// The document (a letter when its front matter says so) typeset in `style` as PDF bytes.
/// The same document and style give the same bytes; the creation date comes from the front
/// matter's date, else the job's `source_date_epoch`. `job` (resource folders, limits,
/// threads, dates) defaults to core::job_settings_from_environment (`SOURCE_DATE_EPOCH`).
std::optional<std::vector<std::uint8_t>> render_pdf(
    const core::Document& doc, const styles::Style& style, core::Diagnostics& diags,
    std::optional<core::JobSettings> job = std::nullopt);

/// The posts at `inputs` (files, folders or glob patterns, with their `broadside.yaml`) as an
/// ePub 3 book in `style`, as bytes. `job` as for render_pdf.
std::optional<std::vector<std::uint8_t>> render_epub(
    const std::vector<std::string>& inputs, const styles::Style& style, core::Diagnostics& diags,
    std::optional<core::JobSettings> job = std::nullopt);

/// One letter per record of `data_file` (CSV or YAML) from the template `letter`, written as
/// `options.output` says (merge::MergeOptions; its `data_file` is filled in here). True when
/// the letters are in place.
bool run_merge(core::Document letter, const std::string& data_file, const styles::Style& style,
               merge::MergeOptions options, core::Diagnostics& diags);

}  // namespace broadside
