<#import "common.ftl" as c>
<#if hasErrors>补正通知<#else>回执</#if>：已收到汇总报送的新职业申报材料（共${cases?size}项）
<@c.header heading=hasErrors?then("新职业申报材料汇总报送补正通知", "新职业申报材料汇总报送受理回执") refs=(cases?size > 3)?then(cases?first.reference + " 等" + cases?size + "项（见下表）", cases?map(k -> k.reference)?join("、"))/>

贵单位于${receivedAt}（北京时间）汇总报送的新职业申报材料已收到，共${cases?size}份建议书，每份的受理编号和核对结果如下：

| 编号 | 名称 | 申报单位 | 状态 | 需补正的问题 |
| --- | --- | --- | --- | --- |
<#list cases as k>
| ${k.reference} | ${k.title?has_content?then(k.title, "（未读到职业名称）")} | ${k.applicant} | ${k.statusLabel} | ${k.problems?has_content?then(k.problems, "无")} |
</#list>
<#if summaryFindings?has_content>

《新职业信息汇总表》需要补正（汇总表各项内容应与建议书一致）：
<#list summaryFindings as f>
${f?counter}. ${f}
</#list>
</#if>
<#list submissionFindings as f>
${f?counter}. ${f}
</#list>
<#if hasErrors>

请于${dueDate}前（<#if dueIsPeriodDeadline>本期报送截止日<#else>${workingDays}个工作日内</#if>）回复本邮件，附上修改后的建议书或汇总表，并保留邮件主题中的受理编号，以便归入对应的申报。
</#if>

<@c.attachmentList/>

后续安排：省人力资源社会保障厅将组织专家对各地市报送的新职业进行论证，结果另行通知。

<@c.contact/>
