// Fuzz target: style YAML → resolved style.
// load_style reads files (and the files they `extends`), so the input is written to a scratch
// folder first. Options byte: bit 0 saves it as `.yml` instead of `.yaml`; bits 1-3 choose a
// preset to prepend as `extends:` (0: none, the input's own `extends` or `default` applies).

#include <cstddef>
#include <cstdint>
#include <string>

#include "broadside/styles/style.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace broadside;
    std::uint8_t options = fuzz::take_options(data, size);
    static const auto dir = fuzz::scratch_folder("style");
    constexpr const char* presets[] = {nullptr,      "default",        "a4-plain", "din-5008-a",
                                       "din-5008-b", "us-letter-no10", nullptr,    nullptr};
    std::string text;
    if (const char* preset = presets[(options >> 1) & 7])
        text = std::string("extends: ") + preset + "\n";
    text.append(reinterpret_cast<const char*>(data), size);
    auto path = dir / ((options & 1) ? "fuzz.yml" : "fuzz.yaml");
    fuzz::write_file(path, text);
    core::Diagnostics diags;
    auto style = styles::load_style(path.string(), diags);
    if (style) (void)style->body.color.hex();
    return 0;
}
