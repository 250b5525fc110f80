#pragma once
// The first 1344 bits of 2/pi (0.A2F9836E4E44...), 32 bits a word, for the Payne-Hanek
// reduction of large sin, cos and tan arguments. Computed with exact integer arithmetic:
// pi by Machin's formula (16 atan(1/5) - 4 atan(1/239)) to 1500 bits, then
// floor(2^1345 / pi). A double's exponent reaches 2^1023, so a reduction uses bits up to
// about 1230.
#include <array>
#include <cstdint>

namespace memsim::minic::math {

inline constexpr std::array<std::uint32_t, 42> two_over_pi_bits = {
    0xA2F9836E, 0x4E441529, 0xFC2757D1, 0xF534DDC0, 0xDB629599, 0x3C439041,
    0xFE5163AB, 0xDEBBC561, 0xB7246E3A, 0x424DD2E0, 0x06492EEA, 0x09D1921C,
    0xFE1DEB1C, 0xB129A73E, 0xE88235F5, 0x2EBB4484, 0xE99C7026, 0xB45F7E41,
    0x3991D639, 0x835339F4, 0x9C845F8B, 0xBDF9283B, 0x1FF897FF, 0xDE05980F,
    0xEF2F118B, 0x5A0A6D1F, 0x6D367ECF, 0x27CB09B7, 0x4F463F66, 0x9E5FEA2D,
    0x7527BAC7, 0xEBE5F17B, 0x3D0739F7, 0x8A5292EA, 0x6BFB5FB1, 0x1F8D5D08,
    0x56033046, 0xFC7B6BAB, 0xF0CFBC20, 0x9AF4361D, 0xA9E39161, 0x5EE61B08,
};

}  // namespace memsim::minic::math
