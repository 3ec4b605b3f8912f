// Images are copied into the package under names derived from their path, so names do not
// depend on which thread met an image first, and never carry characters readers reject.
#include "images.hpp"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "broadside/core/collection.hpp"
#include "broadside/core/diagnostics.hpp"
#include "broadside/core/image_header.hpp"
#include "broadside/core/svg_check.hpp"
#include "links.hpp"
#include "xml.hpp"

namespace broadside::epub {
namespace fs = std::filesystem;
namespace {
// Media type from the file's first bytes: extensions lie more often than headers do.
std::string sniff(const std::string& head) {
    auto starts = [&](std::string_view magic) { return head.compare(0, magic.size(), magic) == 0; };
    if (starts("\x89PNG\r\n\x1a\n")) return "image/png";
    if (starts("\xFF\xD8\xFF")) return "image/jpeg";
    if (starts("GIF87a") || starts("GIF89a")) return "image/gif";
    if (starts("RIFF") && head.size() >= 12 && head.compare(8, 4, "WEBP") == 0) return "image/webp";
    if (head.find("<svg") != std::string::npos) return "image/svg+xml";
    return {};
}

// Canvas size from a WebP header (VP8X, lossy VP8 or lossless VP8L); 0 when unknown.
void webp_size(const std::string& h, int& width, int& height) {
    auto byte = [&](std::size_t i) { return i < h.size() ? static_cast<unsigned char>(h[i]) : 0u; };
    if (h.compare(12, 4, "VP8X") == 0) {
        width = 1 + static_cast<int>(byte(24) | byte(25) << 8 | byte(26) << 16);
        height = 1 + static_cast<int>(byte(27) | byte(28) << 8 | byte(29) << 16);
    } else if (h.compare(12, 4, "VP8 ") == 0) {
        width = static_cast<int>((byte(26) | byte(27) << 8) & 0x3FFF);
        height = static_cast<int>((byte(28) | byte(29) << 8) & 0x3FFF);
    } else if (h.compare(12, 4, "VP8L") == 0) {
        const unsigned bits = byte(21) | byte(22) << 8 | byte(23) << 16 | byte(24) << 24;
        width = 1 + static_cast<int>(bits & 0x3FFF);
        height = 1 + static_cast<int>((bits >> 14) & 0x3FFF);
    }
}

std::string extension_for(const std::string& media_type) {
    if (media_type == "image/webp") return ".webp";
    if (media_type == "image/png") return ".png";
    if (media_type == "image/jpeg") return ".jpg";
    if (media_type == "image/gif") return ".gif";
    return ".svg";
}

std::uint32_t fnv1a32(std::string_view s) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    return h;
}

}  // namespace

ImageLookup find_image(const std::string& source, const std::string& base_dir,
                       const core::ResourcePolicy& policy) {
    ImageLookup r;
    core::ResolvedResource resolved = policy.resolve(source, base_dir, "image");
    if (!resolved.ok) {
        r.problem = resolved.problem + "; its alt text is shown";
        return r;
    }
    const fs::path real = resolved.path;
    std::ifstream in(real, std::ios::binary);
    if (!in) {
        r.problem = "image " + core::quote_value(source) + " cannot be read; its alt text is shown";
        return r;
    }
    std::string head(1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    std::string type = sniff(head);
    if (type.empty()) {
        r.problem =
            "image " + core::quote_value(source) + " is not PNG, JPEG, GIF, SVG or WebP; left out";
        return r;
    }
    if (type == "image/png" || type == "image/jpeg") {
        // The same header walk as the PDF's: a truncated file or a pixel bomb would otherwise
        // travel into the book and fail, or take down, the reader that opens it.
        const core::ImageProbe probe =
            core::probe_image(real.string(), policy.limits().max_image_pixels);
        if (!probe.header) {
            r.problem = "image " + core::quote_value(source) + ": " + probe.problem +
                        "; its alt text is shown";
            return r;
        }
    }
    if (type == "image/svg+xml") {
        in.clear();  // the first read may have hit the end of a small file
        in.seekg(0);
        std::string svg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (std::string why = core::svg_problem(svg); !why.empty()) {
            r.problem = "image " + core::quote_value(source) + " " + why + "; left out";
            return r;
        }
        if (auto cleaned = core::svg_without_external_dtd(svg);
            cleaned && core::svg_problem(*cleaned).empty())
            r.entry.content = std::move(*cleaned);
    }
    char hash[9];
    // Relative to the root, so moving the whole folder does not change the book's bytes.
    std::snprintf(hash, sizeof hash, "%08x",
                  fnv1a32(real.lexically_relative(policy.root()).string()));
    r.ok = true;
    r.entry.source = real.string();
    r.entry.media_type = type;
    r.entry.href =
        "images/" + core::post_file_slug(real.string()) + "-" + hash + extension_for(type);
    if (type == "image/webp") {
        // Not a core media type of EPUB 3.2: it travels as a foreign resource whose manifest
        // fallback is an SVG of its size showing the alt text.
        r.entry.fallback_href = r.entry.href.substr(0, r.entry.href.size() - 5) + "-fallback.svg";
        webp_size(head, r.entry.width, r.entry.height);
    }
    return r;
}

std::string fallback_svg(const ImageEntry& image) {
    const int w = image.width > 0 ? image.width : 400;
    const int h = image.height > 0 ? image.height : 60;
    const std::string label = xml_escape(image.label);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
           "width=\"" +
           std::to_string(w) + "\" height=\"" + std::to_string(h) + "\" viewBox=\"0 0 " +
           std::to_string(w) + " " + std::to_string(h) + "\">\n<title>" + label +
           "</title>\n<rect x=\"1\" y=\"1\" width=\"" + std::to_string(w - 2) + "\" height=\"" +
           std::to_string(h - 2) +
           "\" fill=\"#f2f2f2\" stroke=\"#999999\" stroke-dasharray=\"4 3\"/>\n"
           "<text x=\"50%\" y=\"50%\" text-anchor=\"middle\" dominant-baseline=\"middle\" "
           "font-family=\"serif\" font-size=\"14\">" +
           label + "</text>\n</svg>\n";
}

}  // namespace broadside::epub
