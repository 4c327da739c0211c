package calc

import (
	"math"
	"strconv"
)

// breakEvenLine is the zero line of the cells' values (row by row, have:
// which are known) by marching squares, linear along each side of a
// square; a saddle square (signs alternating round it) is resolved by the
// mean of its corners. A value of zero counts as SMA ahead (level or
// better). Segments are joined into lines through the sides they share.
func breakEvenLine(value []float64, have []bool, x, y MapAxis) []BreakEvenPoint {
	nx, ny := len(x.Values), len(y.Values)
	idx := func(i, j int) int { return j*nx + i }
	pos := func(v float64) bool { return v >= 0 }
	// A side is named by its lower-left cell and its direction: 0 along
	// x (to i+1), 1 along y (to j+1).
	type side struct{ i, j, dir int }
	crossing := map[side][2]float64{}
	cross := func(sd side) bool {
		a := idx(sd.i, sd.j)
		b := idx(sd.i+1, sd.j)
		if sd.dir == 1 {
			b = idx(sd.i, sd.j+1)
		}
		va, vb := value[a], value[b]
		if pos(va) == pos(vb) {
			return false
		}
		t := va / (va - vb)
		p := [2]float64{float64(sd.i), float64(sd.j)}
		p[sd.dir] += t
		crossing[sd] = p
		return true
	}
	links := map[side][]side{}
	link := func(a, b side) {
		links[a] = append(links[a], b)
		links[b] = append(links[b], a)
	}
	var order []side // sides in the order first met, for a deterministic walk
	for j := 0; j+1 < ny; j++ {
		for i := 0; i+1 < nx; i++ {
			if !have[idx(i, j)] || !have[idx(i+1, j)] || !have[idx(i, j+1)] || !have[idx(i+1, j+1)] {
				continue
			}
			// Sides round the square: bottom, right, top, left.
			sides := [4]side{{i, j, 0}, {i + 1, j, 1}, {i, j + 1, 0}, {i, j, 1}}
			var on []side
			for _, sd := range sides {
				if _, done := crossing[sd]; done || cross(sd) {
					on = append(on, sd)
				}
			}
			for _, sd := range on {
				if len(links[sd]) == 0 {
					order = append(order, sd)
				}
			}
			switch len(on) {
			case 2:
				link(on[0], on[1])
			case 4:
				mean := (value[idx(i, j)] + value[idx(i+1, j)] + value[idx(i, j+1)] + value[idx(i+1, j+1)]) / 4
				if pos(mean) == pos(value[idx(i, j)]) {
					// The lower-left and upper-right corners are joined
					// through the middle: the line cuts off the other two.
					link(sides[0], sides[1])
					link(sides[2], sides[3])
				} else {
					link(sides[0], sides[3])
					link(sides[1], sides[2])
				}
			}
		}
	}
	points := []BreakEvenPoint{}
	visited := map[side]bool{}
	line := 0
	walk := func(start side) {
		for sd, prev := start, (side{-1, -1, -1}); ; {
			visited[sd] = true
			// A line through a cell whose value is zero crosses two of its
			// sides there: the point is kept once.
			p := pointAt(line, crossing[sd][0], crossing[sd][1], x, y)
			if n := len(points); n == 0 || points[n-1].Line != line || points[n-1].XI != p.XI || points[n-1].YI != p.YI {
				points = append(points, p)
			}
			next := side{-1, -1, -1}
			for _, n := range links[sd] {
				if n != prev && !visited[n] {
					next = n
					break
				}
			}
			if next.dir < 0 {
				break
			}
			sd, prev = next, sd
		}
		line++
	}
	// Open lines start at a side with one neighbour (the map's edge or a
	// missing cell), then closed loops.
	for _, sd := range order {
		if !visited[sd] && len(links[sd]) == 1 {
			walk(sd)
		}
	}
	for _, sd := range order {
		if !visited[sd] && len(links[sd]) > 0 {
			walk(sd)
		}
	}
	return points
}

// pointAt is a point of line at (xi, yi) in cells, with its values on
// numeric axes.
func pointAt(line int, xi, yi float64, x, y MapAxis) BreakEvenPoint {
	p := BreakEvenPoint{Line: line, XI: round6(xi), YI: round6(yi)}
	p.X, p.Y = axisAt(x, xi), axisAt(y, yi)
	return p
}

// axisAt is the value at fractional position f of a numeric axis,
// interpolated linearly between its values; nil on a word axis.
func axisAt(a MapAxis, f float64) *float64 {
	if !a.Numeric {
		return nil
	}
	i := min(int(math.Floor(f)), len(a.Values)-2)
	lo, err1 := strconv.ParseFloat(a.Values[i], 64)
	hi, err2 := strconv.ParseFloat(a.Values[i+1], 64)
	if err1 != nil || err2 != nil {
		return nil
	}
	v := round6(lo + (f-float64(i))*(hi-lo))
	return &v
}
