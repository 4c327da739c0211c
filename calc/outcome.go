package calc

// PathOutcome is what one Monte Carlo path contributes to a Result. It is
// plain data so that chunks of paths can cross postMessage as JSON and be
// merged (short JSON names keep the messages small).
type PathOutcome struct {
	SMA           PathStrategy `json:"s"`
	Fund          PathStrategy `json:"f"`
	TrackingError float64      `json:"te"`
	Years         []PathYear   `json:"y"`
	// Keep is the after-tax wealth of keeping the existing holdings
	// (transition_keep.go); 0 without them.
	Keep float64 `json:"k,omitempty"`
}

// PathStrategy is one strategy's totals on one path.
type PathStrategy struct {
	AfterTax   float64 `json:"w"`   // wealth after the end treatment
	PreLiq     float64 `json:"pre"` // value after the last year's tax
	Liquidated float64 `json:"liq"` // value after liquidating everything
	Wealth0    float64 `json:"w0"`  // liquidated wealth at the start
	Return     float64 `json:"r"`   // annualized after-tax money-weighted return
	// ReturnBeforeSale is Return with PreLiq as the end wealth (the tax
	// on unrealized gains not paid); with end=hold it is Return.
	ReturnBeforeSale float64 `json:"rb"`
	Contrib          float64 `json:"c"`  // net contributions made
	Growth           float64 `json:"g"`  // market growth of the holdings
	Dividends        float64 `json:"d"`  // gross dividends
	Taxes            float64 `json:"t"`  // yearly taxes (without the end treatment's)
	EndTax           float64 `json:"et"` // tax of the end treatment
	Fees             float64 `json:"fe"`
	Trading          float64 `json:"tc"`
	DistTax          float64 `json:"dt"` // part of Taxes due to capital-gain distributions
	// Depleted is the year (1…horizon) at whose start the portfolio could
	// not pay the withdrawal and the tax due and was sold out; 0 = never.
	Depleted int `json:"dy,omitempty"`
	// Unpaid is the tax owed (in Taxes or EndTax) that the portfolio could
	// not pay because it ran out: the investor pays it from outside.
	Unpaid float64 `json:"ut,omitempty"`
}

// PathYear is one year of one path.
type PathYear struct {
	HarvST     float64 `json:"hs"`           // short-term losses harvested (positive)
	HarvLT     float64 `json:"hl"`           // long-term losses harvested (positive)
	Realized   float64 `json:"rg"`           // SMA's net realized capital gain (losses negative)
	SingleW    float64 `json:"lw,omitempty"` // legacy holdings' weight in the SMA at year end (transition.go)
	TE         float64 `json:"yte"`          // tracking error of the year (annualized)
	SMATax     float64 `json:"st"`           // SMA's tax for the year
	FundTax    float64 `json:"ft"`           // fund's tax for the year
	CF         float64 `json:"cf"`           // SMA's carryforward at year end
	SMAStart   float64 `json:"v0"`           // SMA value at the start of the year (after its flows)
	SMAWealth  float64 `json:"sw"`           // SMA liquidated wealth at year end
	FundWealth float64 `json:"fw"`           // fund liquidated wealth at year end

	// ForcedGains is the SMA's net gain realized by selling the names
	// that left the index (turnover.go).
	ForcedGains float64 `json:"fg,omitempty"`

	// The year's gifts of lots (give.go), each strategy's: their value,
	// the gain given away, the charitable deduction (0 when not
	// itemizing) and the number of lots given.
	GiftSMA      float64 `json:"gs,omitempty"`
	GiftFund     float64 `json:"gf,omitempty"`
	GiftGainSMA  float64 `json:"ggs,omitempty"`
	GiftGainFund float64 `json:"ggf,omitempty"`
	GiftDedSMA   float64 `json:"gds,omitempty"`
	GiftDedFund  float64 `json:"gdf,omitempty"`
	GiftLotsSMA  float64 `json:"gls,omitempty"`
	GiftLotsFund float64 `json:"glf,omitempty"`
}
