package app

import "smacalc/app/brand"

// The white label's types under the names the site builder (package site)
// and the browser tests use; they are defined in package brand.
type (
	Brand        = brand.Brand
	BrandColors  = brand.Colors
	CallToAction = brand.CallToAction
)

// BrandEnv is the go-app environment variable that carries the brand.
const BrandEnv = brand.Env
