// `--shard I/N`: one of N parts of a job (a merge's records, a book's posts), so N machines
// can share it. Parts are contiguous blocks in the job's order, as even as the count allows.
#pragma once

#include <algorithm>
#include <cstddef>

namespace broadside::core {

struct Shard {
    std::size_t index = 1;  ///< 1-based
    std::size_t count = 1;

    /// Items [begin, end) of `items` that this part holds; the N parts together hold every
    /// item once, in order.
    struct Range {
        std::size_t begin = 0, end = 0;
    };
    [[nodiscard]] Range of(std::size_t items) const {
        const std::size_t n = std::max<std::size_t>(count, 1);
        const std::size_t i = std::clamp<std::size_t>(index, 1, n);
        return {items * (i - 1) / n, items * i / n};
    }
    [[nodiscard]] bool whole() const { return count <= 1; }
};

}  // namespace broadside::core
