// Image headers by hand: layout needs only sizes, and a few dozen lines keep libpng and libjpeg
// out of the layout library. The limits are checked here, before any decoder sees the file: a
// 20,000 × 20,000 pixel bomb fits in 99 bytes of PNG.
#include "broadside/core/image_header.hpp"

#include <array>
#include <cstdio>
#include <memory>

#include "broadside/core/limits.hpp"

namespace broadside::core {
namespace {

using File = std::unique_ptr<std::FILE, decltype(&std::fclose)>;

std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           std::uint32_t{p[3]};
}
std::uint32_t be16(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 8) | std::uint32_t{p[1]};
}

bool read(std::FILE* f, unsigned char* out, std::size_t n) {
    return std::fread(out, 1, n, f) == n;
}

ImageProbe fail(std::string problem) {
    return {std::nullopt, std::move(problem)};
}

/// Bit depths the PNG specification allows per colour type (table 11.1).
bool valid_png_depth(unsigned color_type, unsigned depth) {
    switch (color_type) {
        case 0:
            return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
        case 3:
            return depth == 1 || depth == 2 || depth == 4 || depth == 8;
        case 2:
        case 4:
        case 6:
            return depth == 8 || depth == 16;
        default:
            return false;
    }
}

ImageProbe probe_png(std::FILE* f) {
    ImageHeader header{ImageFormat::png, 0, 0};
    bool seen_header = false, seen_data = false;
    for (;;) {
        unsigned char chunk[8];
        if (!read(f, chunk, sizeof chunk))
            return fail("the PNG file is truncated: it ends before its IEND chunk");
        std::uint32_t length = be32(chunk);
        std::string type(reinterpret_cast<const char*>(chunk + 4), 4);
        if (length > 0x7FFFFFFFu) return fail("the PNG file is corrupt: a chunk length is invalid");
        if (!seen_header) {
            unsigned char ihdr[13];
            if (type != "IHDR" || length != 13 || !read(f, ihdr, sizeof ihdr))
                return fail("the PNG file is corrupt: it does not start with an IHDR chunk");
            header.width = be32(ihdr);
            header.height = be32(ihdr + 4);
            if (header.width == 0 || header.height == 0 || header.width > 0x7FFFFFFFu ||
                header.height > 0x7FFFFFFFu || !valid_png_depth(ihdr[9], ihdr[8]) ||
                ihdr[10] != 0 || ihdr[11] != 0 || ihdr[12] > 1)
                return fail("the PNG file is corrupt: its IHDR chunk has invalid values");
            seen_header = true;
            length = 0;  // the 13 bytes are read; the CRC follows
        }
        if (type == "IDAT") seen_data = true;
        if (type == "IEND") {
            if (!seen_data) return fail("the PNG file is corrupt: it has no image data");
            return {header, {}};
        }
        // Skipping instead of reading keeps a huge chunk cheap; a seek past the end is
        // caught by the next read.
        if (std::fseek(f, static_cast<long>(length) + 4, SEEK_CUR) != 0)
            return fail("the PNG file is truncated");
    }
}

ImageProbe probe_jpeg(std::FILE* f) {
    std::optional<ImageHeader> header;
    for (;;) {
        int c = std::fgetc(f);
        if (c == EOF) return fail("the JPEG file is truncated: it ends before its image data");
        if (c != 0xFF) return fail("the JPEG file is corrupt: a marker is missing");
        int marker = std::fgetc(f);
        while (marker == 0xFF) marker = std::fgetc(f);  // fill bytes
        if (marker == EOF) return fail("the JPEG file is truncated");
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;  // no length
        if (marker == 0xD9) return fail("the JPEG file is corrupt: it has no image data");
        unsigned char len[2];
        if (!read(f, len, 2) || be16(len) < 2) return fail("the JPEG file is truncated");
        std::uint32_t length = be16(len) - 2;
        bool sof =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            if (marker > 0xC2)
                return fail(
                    "the JPEG file uses lossless, hierarchical or arithmetic coding, which PDF "
                    "readers cannot show");
            unsigned char frame[6];
            if (length < 6 || !read(f, frame, sizeof frame))
                return fail("the JPEG file is truncated");
            header = ImageHeader{ImageFormat::jpeg, be16(frame + 3), be16(frame + 1)};
            if (header->width == 0 || header->height == 0)
                return fail("the JPEG file declares no size in its frame header");
            if (frame[5] != 1 && frame[5] != 3 && frame[5] != 4)
                return fail("the JPEG file has " + std::to_string(frame[5]) +
                            " colour components; only grey, RGB and CMYK can be embedded");
            length -= 6;
        }
        if (marker == 0xDA) {  // start of scan: the entropy-coded data follows
            if (!header) return fail("the JPEG file is corrupt: its scan comes before its frame");
            return {header, {}};
        }
        if (std::fseek(f, static_cast<long>(length), SEEK_CUR) != 0)
            return fail("the JPEG file is truncated");
    }
}


}  // namespace

std::string pixel_limit_problem(const ImageHeader& h, std::uint64_t max_pixels) {
    if (std::uint64_t{h.width} * h.height <= max_pixels) return {};
    return "the image is " + std::to_string(h.width) + " × " + std::to_string(h.height) +
           " pixels, over the limit of " + std::to_string(max_pixels) + " pixels; " +
           raise_hint("--max-image-pixels N");
}

ImageProbe probe_image(const std::string& path, std::uint64_t max_pixels) {
    File f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f) return fail("the file cannot be read");
    std::array<unsigned char, 8> magic{};
    std::size_t got = std::fread(magic.data(), 1, magic.size(), f.get());
    static constexpr std::array<unsigned char, 8> png_magic{0x89, 'P',  'N',  'G',
                                                            '\r', '\n', 0x1A, '\n'};
    ImageProbe probe;
    if (got == 8 && magic == png_magic) {
        probe = probe_png(f.get());
    } else if (got >= 3 && magic[0] == 0xFF && magic[1] == 0xD8 && magic[2] == 0xFF) {
        std::fseek(f.get(), 2, SEEK_SET);
        probe = probe_jpeg(f.get());
    } else {
        return fail("the file is neither a PNG nor a JPEG image");
    }
    if (probe.header) {
        std::string problem = pixel_limit_problem(*probe.header, max_pixels);
        if (!problem.empty()) return fail(std::move(problem));
    }
    return probe;
}

}  // namespace broadside::core
