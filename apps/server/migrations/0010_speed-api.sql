DROP INDEX "organizations_name_trgm_idx";--> statement-breakpoint
DROP INDEX "organizations_name_bigrams_idx";--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "search_grams" text[] GENERATED ALWAYS AS ((qd_bigrams(name) || regexp_split_to_array(lower(name), ''))) STORED;--> statement-breakpoint
ALTER TABLE "supervision_targets" ADD COLUMN "search_grams" text[] GENERATED ALWAYS AS ((qd_bigrams(name) || regexp_split_to_array(lower(name), ''))) STORED;--> statement-breakpoint
CREATE INDEX "organizations_search_grams_idx" ON "organizations" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "supervision_targets_search_grams_idx" ON "supervision_targets" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "supervision_targets_credit_code_prefix_idx" ON "supervision_targets" USING btree ("credit_code" text_pattern_ops);--> statement-breakpoint
ALTER TABLE "organizations" DROP COLUMN "name_bigrams";