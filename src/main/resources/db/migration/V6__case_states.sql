-- One vocabulary of case states (issue 8), following notice 159's procedure. cases.status holds
-- one of: received | needs_correction | complete | city_passed | city_failed | province_passed |
-- province_cultivate | province_failed | merged | withdrawn | duplicate | not_submission
-- (cn.gdhrss.intake.casefile.CaseState names them in Chinese).

-- Chinese names that older builds or hand edits may have left in the column become codes.
UPDATE cases SET status = 'received' WHERE status IN ('已收到', '已受理');
UPDATE cases SET status = 'needs_correction' WHERE status = '待补正';
UPDATE cases SET status = 'complete' WHERE status = '材料齐全';

-- 地市初审 has two results, pass and fail (notice 159); "未通过但有潜力" is the province's to decide.
UPDATE case_reviews
SET result = 'fail', note = CASE WHEN note = '' THEN '（原记为“初审未通过但有潜力”）' ELSE note || '（原记为“初审未通过但有潜力”）' END
WHERE stage = 'city' AND result = 'cultivate';

-- A reviewed case is in the state its latest review says: the province's decision over the city's.
UPDATE cases SET status = (
    SELECT CASE r.result WHEN 'pass' THEN 'city_passed' ELSE 'city_failed' END
    FROM case_reviews r WHERE r.case_reference = cases.reference AND r.stage = 'city' ORDER BY r.id DESC LIMIT 1)
WHERE EXISTS (SELECT 1 FROM case_reviews r WHERE r.case_reference = cases.reference AND r.stage = 'city');

UPDATE cases SET status = (
    SELECT CASE r.result WHEN 'pass' THEN 'province_passed' WHEN 'cultivate' THEN 'province_cultivate' ELSE 'province_failed' END
    FROM case_reviews r WHERE r.case_reference = cases.reference AND r.stage = 'province' ORDER BY r.id DESC LIMIT 1)
WHERE EXISTS (SELECT 1 FROM case_reviews r WHERE r.case_reference = cases.reference AND r.stage = 'province');

-- merge REF --into REF: the case this one was merged into (its reference), NULL otherwise.
ALTER TABLE cases ADD COLUMN merged_into TEXT;
-- paper REF --received DATE: the day the stamped paper copy arrived (ISO date), NULL until then.
ALTER TABLE cases ADD COLUMN paper_received TEXT;

CREATE INDEX cases_status ON cases (status);

-- Replies "sent" by the .eml writer never left the machine: they are written (已生成（未发送）).
UPDATE outbox SET state = 'written' WHERE state = 'sent' AND last_response LIKE '已写入文件%';
