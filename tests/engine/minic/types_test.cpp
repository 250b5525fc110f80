#include <catch2/catch.hpp>

#include "memsim/minic/types.hpp"

using namespace memsim::minic;

TEST_CASE("Sizes follow the data model: long and pointers are 4 bytes in ILP32, 8 in LP64", "[minic][types]") {
    TypeTable ilp32(DataModel::Ilp32), lp64(DataModel::Lp64);
    CHECK(ilp32.size_of(ilp32.int_type()) == 4);
    CHECK(ilp32.size_of(ilp32.long_type()) == 4);
    CHECK(ilp32.size_of(ilp32.pointer_to(ilp32.char_type())) == 4);
    CHECK(lp64.size_of(lp64.long_type()) == 8);
    CHECK(lp64.size_of(lp64.pointer_to(lp64.char_type())) == 8);
    CHECK(lp64.size_of(lp64.char_type()) == 1);
    CHECK(lp64.size_of(lp64.array_of(lp64.array_of(lp64.int_type(), 4), 3)) == 48);
    CHECK(lp64.name(lp64.array_of(lp64.array_of(lp64.int_type(), 4), 3)) == "int [3][4]");
    CHECK(lp64.name(lp64.pointer_to(lp64.pointer_to(lp64.char_type()))) == "char **");
}

TEST_CASE("Struct fields are padded to their alignment, and the struct to its largest", "[minic][types]") {
    // struct node { char tag; int value; struct node *next; }
    // LP64, worked by hand: tag at 0, 3 bytes padding, value at 4, next at 8 (8-aligned);
    // size 16. ILP32: next is a 4-byte pointer at 8; size 12, alignment 4.
    for (DataModel model : {DataModel::Lp64, DataModel::Ilp32}) {
        TypeTable t(model);
        const TypeId node = t.declare_struct("node");
        t.complete_struct(node, {{"tag", t.char_type(), 0}, {"value", t.int_type(), 0}, {"next", t.pointer_to(node), 0}});
        const StructDef& def = t.struct_of(node);
        CHECK(def.find("tag")->offset == 0);
        CHECK(def.find("value")->offset == 4);
        CHECK(def.find("next")->offset == 8);
        CHECK(t.size_of(node) == (model == DataModel::Lp64 ? 16u : 12u));
        CHECK(t.align_of(node) == (model == DataModel::Lp64 ? 8u : 4u));
    }
    // struct { int a; char b; }: 5 bytes of fields, padded to 8 so arrays stay aligned.
    TypeTable t;
    const TypeId s = t.declare_struct("s");
    t.complete_struct(s, {{"a", t.int_type(), 0}, {"b", t.char_type(), 0}});
    CHECK(t.size_of(s) == 8);
}

TEST_CASE("Arithmetic conversions follow C: promotion to int, unsigned wins at equal rank", "[minic][types]") {
    TypeTable lp64(DataModel::Lp64), ilp32(DataModel::Ilp32);
    CHECK(lp64.common(lp64.char_type(), lp64.char_type()) == lp64.int_type());
    CHECK(lp64.common(lp64.int_type(), lp64.unsigned_int_type()) == lp64.unsigned_int_type());
    // long (8 bytes) holds every unsigned int: the result is long in LP64 ...
    CHECK(lp64.common(lp64.long_type(), lp64.unsigned_int_type()) == lp64.long_type());
    // ... but in ILP32 long is 4 bytes too, so the result is unsigned long.
    CHECK(ilp32.common(ilp32.long_type(), ilp32.unsigned_int_type()) == ilp32.unsigned_long_type());
}
