#pragma once

namespace broadside::core {

/// Builds one visitor from several lambdas, for std::visit over the model's variants.
template <class... Ts>
struct overloaded : Ts... {
    using Ts::operator()...;
};
// Spelled out for clang 14 (the fuzz build), which lacks C++20's aggregate deduction.
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

}  // namespace broadside::core
