package assessment

import (
	"regexp"
	"strconv"
	"strings"
)

// sourceTitles are the titles of the numbered sources the rules cite, so a
// coach reads "Hey Neurosurgeon – …" where the rule text says [62].
var sourceTitles = map[int]string{
	1:  "Physiopedia – Diastasis Recti Abdominis",
	2:  "Beer et al. 2009 The normal width of the linea alba in nulliparous women (Scilit)",
	3:  "Sperstad et al. 2016 DRA during pregnancy and 12 months after childbirth (BJSM)",
	4:  "Mota et al. Prevalence and risk factors of DRA from late pregnancy to 6 months postpartum",
	5:  "Women in Focus Physio – Postpartum RAD (cites Mota 2018)",
	6:  "Kaufmann et al. Normal width of the linea alba, prevalence and risk factors for DRA in adults",
	7:  "Technical aspects of IRD measurement with ultrasonographic imaging: scoping review (Insights Imaging 2023)",
	8:  "Interrater reliability of IRD from ultrasound in parous women (Physiother Can)",
	9:  "Chiarello & McAuley – Concurrent validity of calipers and ultrasound to measure IRD",
	10: "Boissonnault – incidence of DRA in the childbearing year (scite)",
	11: "Liaw et al. 2011 IRD by ultrasound and abdominal muscle function, 6-month follow-up (JOSPT)",
	12: "Coldron et al. Postpartum characteristics of rectus abdominis on ultrasound",
	13: "Lee & Hodges 2016 Behavior of the linea alba during a curl-up task in DRA (JOSPT)",
	14: "BiologyInsights – How to know if diastasis recti is healed",
	15: "Whole Body Wellness PT – Diastasis recti: is doming bad?",
	16: "Connect Pelvic Floor Fitness – How do I know if I should modify an exercise?",
	17: "Parents.com – Diastasis recti exercises: do's and don'ts",
	18: "Benjamin et al. 2014 Effects of exercise on DRAM: systematic review (Physiotherapy)",
	19: "Gluppe et al. 2018 Postpartum training program and DRA prevalence: RCT (Phys Ther)",
	20: "Conservative treatment of postpartum DRA: review with meta-analysis",
	21: "Split Tummy Exercise Program RCT (Korean J Fam Med 2023)",
	22: "Sompolinsky et al. Recommended exercise for diastasis recti – literature review (JIPTS)",
	23: "Clinical measures of pelvic tilt in physical therapy (IJSPT)",
	24: "Preece et al. 2008 Variation in pelvic morphology may prevent identification of anterior pelvic tilt",
	25: "Herrington 2011 Assessment of the degree of pelvic tilt within a normal asymptomatic population",
	26: "Pelvic tilt measurement reliability table (PMC8486407)",
	27: "Yoon 2020 Sex difference in the range of pelvic tilt (Phys Ther Korea)",
	28: "Vigotsky et al. 2016 The modified Thomas test is not valid unless pelvic tilt is controlled",
	29: "Modified Thomas test interpretation table (BMC Sports Sci Med Rehabil)",
	30: "Striders PT – Improving your pelvic tilt",
	31: "Schnarr – Anterior pelvic tilt, hip flexor mobilization and corrective bears; Concentric Fit Health – pelvic tilt exercises",
	32: "PainScience commentary on Herrington 2011",
	33: "MRC scale for motor testing",
	34: "Fitter Feet – Muscle tests (Oxford scale)",
	35: "Rehab Links – Dysfunctional prone hip extension test",
	36: "Systematic review: activation patterns in prone hip extension (ProQuest)",
	37: "Lewis & Sahrmann 2009 Muscle activation during prone hip extension in women (JAT)",
	38: "Rehab Links – Hip abduction assessment",
	39: "Davis et al. 2011 Active Hip Abduction test scoring (table)",
	40: "WikiSM – Trendelenburg test",
	41: "HealthHP – Single leg bridge to fatigue (Freckleton 2014)",
	42: "Roberti et al. 2024 The single leg bridge test does not measure isolated hamstring endurance",
	43: "Single leg squat rating criteria, good vs poor (PMC3255301 table)",
	44: "Injury Prevention & Performance – Single-leg squat scoring",
	45: "Gluteal EMG % MVIC by exercise (IJSPT 2014 table)",
	46: "Adore Your Pelvic Floor – Return to running postnatal: strength testing",
	47: "Movement Training by Design – Hip hinge part 2",
	48: "Performance Health Care – The five most common hip hinge mistakes",
	49: "Solving Pain With Strength – How to hip hinge correctly",
	50: "PhysioHub – Luomajoki screening",
	51: "Luomajoki et al. 2008 Movement control tests of the low back (BMC)",
	52: "Monnier et al. 2012 Standing bow test (BMC figure)",
	53: "JSSM movement screen rubric incl. SL RDL (table)",
	54: "Cook et al. Functional movement screening Part 2 (IJSPT)",
	55: "PT's Perspective – FMS scoring",
	56: "ExRx – Shoulder clearing test",
	57: "TrainerMetrics – FMS shoulder mobility",
	58: "Soccerskills – Functional Movement System (lower side scored)",
	59: "Do FMS scores ≤14 predict injury? Meta-analysis (BMJ Open SEM 2019)",
	60: "FMS Level 1 manual (copyright notice)",
	61: "AHCPR Acute low back problems – red flags table",
	62: "Hey Neurosurgeon – Red flag conditions and cauda equina syndrome",
	63: "Finucane et al. 2020 International framework for red flags (IFOMPT, JOSPT)",
	64: "Goom, Donnelly & Brockwell 2019 Returning to running postnatal – guidelines",
	65: "BJSM – Key recommendations for returning to running postnatally (table)",
	66: "Contreras et al. 2015 Glute max EMG in back squat vs barbell hip thrust",
	67: "I Am Priority PT – Returning to running part 6 (load and impact)",
	68: "Valetudo Health – Return to running checklist",
	69: "Christopher et al. Return-to-running readiness after childbirth: Delphi (BJSM)",
	70: "HSE Ireland – Exercise after a caesarean",
	71: "Onward Denver – Diastasis recti: finding success after pregnancy",
	72: "Physical activity during pregnancy & postpartum (US PA guidelines summary)",
	73: "Childs et al. 2005 Responsiveness of the NPRS in patients with low back pain",
	74: "Ostelo et al. 2008 Interpreting change scores for pain and functional status in LBP",
	75: "MCID of NRS depends on baseline pain (Thieme)",
	76: "Mapi Research Trust – The Oswestry Disability Index (ODI)",
	77: "ePROVIDE – ODI Oswestry Disability Index",
	78: "RehabMeasures – Oswestry Disability Index (mirror; cost section)",
	79: "PhenX Toolkit – Disability Index (ODI© proprietary)",
	80: "Roland & Fairbank 2000 The RMDQ and the Oswestry Disability Questionnaire",
	81: "SOAPnote – Oswestry Low Back Pain Disability Questionnaire",
	82: "Physiopedia – Roland-Morris Disability Questionnaire",
	83: "Scientific Spine – Roland–Morris Disability Questionnaire",
	84: "Fusion Physio – Traffic light system for pain with exercise",
	85: "NICE CG88 (2009) Low back pain – physical activity and exercise",
	86: "NICE NG59 Low back pain and sciatica – exercise therapies",
	87: "Trek Education – ACSM resistance training",
	88: "ACSM progression models outline",
	89: "NASM – Corrective Exercise Continuum",
	90: "Open Exam Prep – Turning assessment findings into first program decisions (NASM)",
	91: "Mountain Peak Fitness – McGill Big Three",
	92: "The Food Medic – Under-rated core exercises (core hierarchy)",
	93: "Two Guns Training – Everything about the core part II",
	94: "Trimester Fit Body – Band pull-aparts",
	95: "Raw Fitness – 10 moves to support your postpartum posture",
	96: "Mother Figure – Heel slide to pelvic tilt (postpartum)",
}

// SourceTitle is the title of source n, or "" when Keel does not know it.
func SourceTitle(n int) string { return sourceTitles[n] }

var citeRun = regexp.MustCompile(`\s?(?:\[\d+\])+`)
var citeOne = regexp.MustCompile(`\[(\d+)\]`)

// CitationsInWords replaces each run of citation numbers in s, e.g.
// "[61][62]", with the sources' titles in brackets: a coach reads where a
// rule comes from, never a bare number.
func CitationsInWords(s string) string {
	return citeRun.ReplaceAllStringFunc(s, func(run string) string {
		var titles []string
		for _, m := range citeOne.FindAllStringSubmatch(run, -1) {
			n, _ := strconv.Atoi(m[1])
			if t := SourceTitle(n); t != "" {
				titles = append(titles, t)
			}
		}
		if len(titles) == 0 {
			return ""
		}
		return " (source: " + strings.Join(titles, "; ") + ")"
	})
}
