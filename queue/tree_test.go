package queue

import (
	"cmp"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

type treeItem struct {
	k uint64
	h uint32
}

func compareItems(a, b treeItem) int {
	if c := cmp.Compare(a.k, b.k); c != 0 {
		return c
	}
	return cmp.Compare(a.h, b.h)
}

func newTestTree() *tree {
	return &tree{tie: func(a, b uint32) int { return cmp.Compare(a, b) }}
}

// items lists the tree's items in order.
func (t *tree) items() []treeItem {
	var out []treeItem
	t.Ascend(0, func(k uint64, h, a uint32) bool {
		if a != h^0xa5a5 {
			panic("auxiliary data lost")
		}
		out = append(out, treeItem{k, h})
		return true
	})
	return out
}

// order compares two items as the tree does.
func (t *tree) order(a, b treeItem) int {
	switch {
	case a.k != b.k:
		return cmp.Compare(a.k, b.k)
	case a.h == b.h:
		return 0
	}
	return t.tie(a.h, b.h)
}

// check verifies the tree's invariants: counts match, nodes other than the
// root are filled to minFill, separators bound their children, and all
// leaves are at one depth.
func (t *tree) check(tb require.TestingT) {
	if h, ok := tb.(interface{ Helper() }); ok {
		h.Helper()
	}
	if t.root == nil {
		return
	}
	depth := -1
	var walk func(n *node, d int, lo *treeItem, root bool) int
	walk = func(n *node, d int, lo *treeItem, root bool) int {
		if !root {
			require.GreaterOrEqual(tb, n.n, 1)
		}
		if n.leaf() {
			if depth < 0 {
				depth = d
			}
			require.Equal(tb, depth, d, "leaves at one depth")
			for i := range n.n {
				if lo != nil {
					require.GreaterOrEqual(tb, t.order(treeItem{n.keys[i], n.hs[i]}, *lo), 0)
				}
			}
			return n.n
		}
		total := 0
		for i := range n.n {
			bound := lo
			if i > 0 {
				bound = &treeItem{n.keys[i], n.hs[i]}
			}
			c := walk(n.in.kids[i], d+1, bound, false)
			require.Equal(tb, n.in.counts[i], c, "count of child %d", i)
			total += c
		}
		return total
	}
	require.Equal(tb, t.Len(), walk(t.root, 0, nil, true))
}

func TestTreeAgainstModel(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		tr := newTestTree()
		var model []treeItem
		present := map[uint32]bool{}
		next := uint32(1)

		steps := rapid.IntRange(1, 3000).Draw(rt, "steps")
		keys := rapid.SampledFrom([]string{"few", "many", "ascending"}).Draw(rt, "keys")
		for s := range steps {
			if len(model) > 0 && rapid.IntRange(0, 9).Draw(rt, "op") < 4 {
				i := rapid.IntRange(0, len(model)-1).Draw(rt, "victim")
				it := model[i]
				require.True(rt, tr.Delete(it.k, it.h))
				require.False(rt, tr.Delete(it.k, it.h))
				model = slices.Delete(model, i, i+1)
				delete(present, it.h)
				continue
			}
			var k uint64
			switch keys {
			case "few":
				k = uint64(rapid.IntRange(0, 5).Draw(rt, "k"))
			case "many":
				k = rapid.Uint64().Draw(rt, "k")
			default:
				k = uint64(s)
			}
			it := treeItem{k, next}
			next++
			tr.Insert(it.k, it.h, it.h^0xa5a5)
			present[it.h] = true
			i, _ := slices.BinarySearchFunc(model, it, compareItems)
			model = slices.Insert(model, i, it)
		}

		tr.check(rt)
		require.Equal(rt, len(model), tr.Len())
		require.Equal(rt, slices.Clip(model), slices.Clip(append([]treeItem{}, tr.items()...)))
		for i, it := range model {
			require.Equal(rt, i, tr.Rank(it.k, it.h))
		}
		if len(model) > 0 {
			from := rapid.IntRange(0, len(model)).Draw(rt, "from")
			var got []treeItem
			tr.Ascend(from, func(k uint64, h, _ uint32) bool {
				got = append(got, treeItem{k, h})
				return len(got) < 5
			})
			want := model[from:min(len(model), from+5)]
			require.Equal(rt, len(want), len(got))
			if len(want) > 0 {
				require.Equal(rt, want, got)
			}
		}
	})
}

// TestTreeTieReadsLiveItemsOnly orders equal keys by data that is erased
// when an item is deleted, and its handle reused, as the queue does: a
// separator that kept naming a deleted item would misroute searches.
func TestTreeTieReadsLiveItemsOnly(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		rank := map[uint32]int{} // the tie data, by handle
		tr := &tree{tie: func(a, b uint32) int { return cmp.Compare(rank[a], rank[b]) }}
		var free []uint32
		next := uint32(1)
		type live struct {
			h    uint32
			rank int
		}
		var items []live

		for range rapid.IntRange(1, 2000).Draw(rt, "steps") {
			if len(items) > 0 && rapid.IntRange(0, 2).Draw(rt, "op") == 0 {
				i := rapid.IntRange(0, len(items)-1).Draw(rt, "victim")
				it := items[i]
				require.True(rt, tr.Delete(7, it.h), "delete %d", it.h)
				delete(rank, it.h)
				free = append(free, it.h)
				items = slices.Delete(items, i, i+1)
				continue
			}
			h := next
			if n := len(free); n > 0 {
				h, free = free[n-1], free[:n-1]
			} else {
				next++
			}
			r := rapid.IntRange(0, 1<<20).Draw(rt, "rank")<<12 | int(h)
			rank[h] = r
			tr.Insert(7, h, h^0xa5a5)
			items = append(items, live{h, r})
		}

		tr.check(rt)
		slices.SortFunc(items, func(a, b live) int { return cmp.Compare(a.rank, b.rank) })
		got := tr.items()
		require.Equal(rt, len(items), len(got))
		for i, it := range items {
			require.Equal(rt, it.h, got[i].h)
			require.Equal(rt, i, tr.Rank(7, it.h))
		}
	})
}

func TestTreeDrainsToEmpty(t *testing.T) {
	tr := newTestTree()
	const n = 20000
	for i := range n {
		tr.Insert(uint64(i*7919%n), uint32(i), uint32(i)^0xa5a5)
	}
	tr.check(t)
	require.Equal(t, n, tr.Len())
	for i := range n {
		require.True(t, tr.Delete(uint64(i*7919%n), uint32(i)))
		if i%1000 == 0 {
			tr.check(t)
		}
	}
	require.Equal(t, 0, tr.Len())
	require.False(t, tr.Delete(1, 1))
}
