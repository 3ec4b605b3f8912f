#pragma once

#include <string>

#include "broadside/core/document.hpp"

namespace broadside::core {

/// The model as a readable indented tree, one node a line with its `@line:column`. This is the
/// golden format of the reader's tests, so its shape changes only on purpose.
std::string dump_document(const Document& doc);

}  // namespace broadside::core
