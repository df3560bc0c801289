<#import "common.ftl" as c>
补正通知：<#if hasForm>新职业申报材料需要补正<#else>未收到可用的新职业建议书</#if><#if title?has_content>（${title}）</#if>
<@c.header "新职业申报材料补正通知"/>

您于${receivedAt}（北京时间）发来的新职业申报材料已收到，受理编号为 ${reference}。经核对，<#if hasForm>材料有以下问题需要补正<#else>来信中没有可以受理的《新职业建议书》Word 文件</#if>：

<@c.problems/>
<#if case.warnings?has_content>

另请留意（不影响受理）：
<#list case.warnings as w>
${w?counter}. ${w}
</#list>
</#if>

<@c.whatToSend/>

<@c.attachmentList/>

<@c.paperCopy/>

<@c.contact/>
