/// The starter configuration `scorebook init` writes; the same text as config/scorebook.yml (a test keeps them equal).
public enum StarterConfiguration {
    /// The file's text.
    public static let text = #"""
        # Scorebook configuration: the named scores.
        # Each score names a module (`scorebook modules` lists them and their settings) and that module's settings;
        # a score with only `module:` runs on the module's defaults. `scorebook check` validates this file.
        # Sources to sync from (`scorebook sync`). Tokens come only from the environment variables named here.
        # `scorebook sandbox` serves both APIs locally; point base_url at it to try a sync without an account anywhere.
        sources:
          hubspot:
            kind: hubspot
            token_env: HUBSPOT_TOKEN
          stripe:
            kind: stripe
            token_env: STRIPE_API_KEY

        scores:
          rfm:
            module: value
            description: Recency, frequency and monetary value over the last 12 months, by quintile
            window_days: 365

          rfm_bins:
            module: value
            description: RFM with recency in fixed day bins, as in the seed's worked example
            recency_bins: [30, 60, 90, 180]

          engagement:
            module: value
            description: Recency, frequency and key-feature engagement (RFE) over the last 90 days
            method: rfe
            window_days: 90

          contract_value:
            module: value
            description: Lifetime and contract metrics - lifetime revenue, ACV, CAGR, product density
            method: contract
            weights: {lifetime_revenue: 30, acv: 30, cagr: 20, product_density: 20}
            normalisation: percentile
            bands: {High: 67-100, Medium: 34-66, Low: 0-33}

          team_value:
            module: value
            description: The team's 4-item value assessment (profile fit, need fit, low effort, revenue potential)
            method: qualitative
            answers: yes_no

          health:
            module: health
            description: Adoption and relationship health for renewals - on-time renewals, key-feature use per user, support
            weights: {renewal: 40, feature_usage: 35, support: 25}
            bands: {Green: 75-100, Yellow: 40-74, Red: 0-39}
            playbooks:
              Green: Quarterly check-in
              Yellow: CSM outreach within the week
              Red: Executive escalation today

          credit:
            module: credit
            description: Payment reliability for credit terms - lateness, DSO, failed invoices, open balance, size, sector
            sector_risk: {retail: 60, media: 55, manufacturing: 45, software: 20}
            terms: {A: net 60, B: net 45, C: net 30, D: net 15, E: prepay}

          referral:
            module: referral
            description: Value beyond own revenue - referred accounts' revenue, big logos, lighthouse and testimonial flags
            big_logo_employees: 500
            weights: {referred_revenue: 40, second_degree_revenue: 10, big_logo: 30, lighthouse: 20}

          churn:
            module: churn
            description: Churn risk for proactive saves - usage trend, urgent tickets, payment issues, detractors, contraction
            weights:
              usage_trend: 30
              high_priority_tickets: 15
              payment_issues: 15
              detractor: 15
              mrr_contraction: 15
              renewal_near: 10
            bands: {High: 90-100%, Medium: 70-89%, Low: 0-69%}   # the riskiest 10% High, the next 20% Medium

          churn_enterprise:
            module: churn
            description: Churn risk of the larger software and fintech accounts only, scaled among themselves
            where: {industry: [software, fintech], employees: 200-50000}

          churn_trained:
            module: churn
            description: Churn probability from a logistic regression on past churns (scorebook train churn_trained first)
            mode: trained

          account:
            module: account
            description: Account priority for ABM and expansion - ICP fit (revenue and brand), decayed intent, engaged committee
            groups: {fit: 40, intent: 30, engagement: 30}
            weights:
              fit: {revenue_icp: 70, brand_icp: 30}
              intent: {product_activity: 70, deal_activity: 30}
              engagement: {committee: 80, breadth: 20}
            icp:
              revenue_icp:
                industries: [software, fintech, logistics]
                employees: 50-5000
                countries: [US, GB, DE, NL]
                weights: {industry: 40, employees: 40, country: 20}
                grades: {A: 75-100, B: 50-74, C: 25-49, D: 0-24}
              brand_icp:
                industries: [healthcare, education, media]
                employees: 1000-50000
                grades: {A: 75-100, B: 50-74, C: 25-49, D: 0-24}
            half_life_days: 30
            committee_size: 6
            normalisation: percentile
            bands: {Tier 1: 90-100%, Tier 2: 70-89%, Tier 3: 0-69%}   # the top 10% Tier 1: a list to work whatever the data

          expansion:
            module: account
            description: Expansion journey - product adoption, engaged contacts and promoters, hand-raising deals, fit
            journey: expansion
            journeys:
              expansion:
                touchpoints:                # weights sum to 100, and each touchpoint's signals to 100 again
                  adoption: {weight: 35, signals: {product_activity: 70, breadth: 30}}
                  relationship: {weight: 25, signals: {committee: 70, promoter: 30}}
                  hand_raisers: {weight: 25, signals: {open_pipeline: 40, won_deals: 30, deal_activity: 30}}
                  fit: {weight: 15, signals: {revenue_icp: 70, brand_icp: 30}}
            bands: {Tier 1: 90-100%, Tier 2: 70-89%, Tier 3: 0-69%}   # the top 10% Tier 1, the next 20% Tier 2

          attrition:
            module: account
            description: Attrition journey, a risk - complaints, late payments, usage falling and contacts silent, detractors
            journey: attrition              # the default touchpoints: complaints 30, payment_friction 25, going_quiet 25,
                                            # detraction 20 (scorebook modules lists them)
            bands: {High: 90-100%, Medium: 70-89%, Low: 0-69%}        # the 10% nearest the loss High

          clv:
            module: clv
            description: Probabilistic lifetime value over the next 90 days (BG/NBD purchases x Gamma-Gamma spend)
            horizon_days: 90

        """#
}
