#pragma once
// The colours that carry meaning (payload, free, resident, error, ...), from the
// Okabe-Ito palette, which people with the common colour-vision deficiencies can tell
// apart. Each theme gets its own neutral greys; the meaning colours stay the same so the
// legend reads the same in both.
#include "imgui.h"
#include "ui/style.hpp"

namespace memsim::ui {

struct Palette {
    ImU32 payload;       // allocated bytes the program asked for     (blue)
    ImU32 overhead;      // header, footer and padding of a block     (sky blue)
    ImU32 free;          // free heap bytes                           (bluish green)
    ImU32 mapped;        // a block in its own mmap region            (reddish purple)
    ImU32 resident;      // a page in a physical frame                (bluish green)
    ImU32 not_resident;  // a mapped page not in memory               (sky blue)
    ImU32 swapped;       // a page whose contents wait in swap        (reddish purple)
    ImU32 cow;           // a resident copy-on-write page (since fork) (blue)
    ImU32 unmapped;      // no mapping                                (grey)
    ImU32 guard;         // guard page, errors                        (vermillion)
    ImU32 current;       // what the current step touched             (orange)
    ImU32 pointer;       // SP / FP arrows                            (yellow / orange)
    ImU32 outline;       // box outlines
    ImU32 muted;         // secondary text
};

const Palette& palette_for(Theme theme);

// The colour with its alpha replaced (0..255).
inline ImU32 with_alpha(ImU32 colour, unsigned alpha) { return (colour & 0x00FFFFFFu) | ((alpha & 0xFFu) << 24); }

// Black or white, whichever reads better on `fill` (by its luminance, alpha ignored).
ImU32 readable_text(ImU32 fill);

// A small coloured square followed by a label, on the current line.
void legend_item(ImU32 colour, const char* label);

}  // namespace memsim::ui
