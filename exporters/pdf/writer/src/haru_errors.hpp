#pragma once

#include <hpdf.h>

namespace broadside::pdf {

/// libharu reports errors through a callback; the first one is kept and turned into a
/// diagnostic, so nothing is printed and nothing is thrown. An error the writer recovers from
/// (an image that fails to load) is taken back with `forget`.
struct HaruErrors {
    HPDF_STATUS error = HPDF_OK;
    HPDF_STATUS detail = 0;

    /// Clears the kept error and libharu's own error state of `doc`.
    void forget(HPDF_Doc doc) {
        error = HPDF_OK;
        detail = 0;
        HPDF_ResetError(doc);
    }
};

/// The callback given to HPDF_New with a HaruErrors as its user data.
void on_haru_error(HPDF_STATUS error, HPDF_STATUS detail, void* data);

}  // namespace broadside::pdf
