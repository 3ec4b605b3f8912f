// Fuzz target: the ePub's check of an SVG image (scripts, event handlers, references to other
// files), reached as the book reaches it: find_image on a file in the post's folder.
// Options byte: bit 0 puts an `<svg>` start tag in front of the input, so the type sniffing
// (which looks for `<svg` in the first kilobyte) lets every input through to the check.

#include <cstddef>
#include <cstdint>
#include <string>

#include "broadside/core/resources.hpp"
#include "fuzz_common.hpp"
#include "images.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace broadside;
    std::uint8_t options = fuzz::take_options(data, size);
    static const auto dir = fuzz::scratch_folder("svg");
    static const core::ResourcePolicy policy(dir.string());
    std::string svg = (options & 1) ? "<svg xmlns=\"http://www.w3.org/2000/svg\">" : "";
    svg.append(reinterpret_cast<const char*>(data), size);
    fuzz::write_file(dir / "image.svg", svg);
    auto lookup = epub::find_image("image.svg", dir.string(), policy);
    (void)lookup;
    return 0;
}
