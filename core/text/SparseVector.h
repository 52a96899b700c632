#pragma once

// A text's term weights as (term, weight) pairs ordered by term, as TF-IDF
// builds them, and the dot product of two: the cosine similarity when both
// are of unit length.

#include <utility>
#include <vector>

namespace escdesk::text {

template <typename Term> using SparseVector = std::vector<std::pair<Term, double>>;

// One pass over both: only the terms they share add to the sum.
template <typename Term> double dot(const SparseVector<Term>& a, const SparseVector<Term>& b) {
    double sum = 0.0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (i->first < j->first) {
            ++i;
        } else if (j->first < i->first) {
            ++j;
        } else {
            sum += i->second * j->second;
            ++i;
            ++j;
        }
    }
    return sum;
}

} // namespace escdesk::text
