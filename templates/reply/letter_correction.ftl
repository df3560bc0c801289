<#import "common.ftl" as c>
关于您申报的新职业建议书需要补正<#if title?has_content>（${title}）</#if>
<@c.header "新职业申报材料补正通知"/>

您申报的新职业建议书（受理编号 ${reference}）经工作人员审核，以下内容需要补正：

<#if problems?has_content>
<#list problems as p>
${p?counter}. ${p}
</#list>
<#else>
1. （请在此写明需要补正的内容）
</#if>

请直接回复本邮件，附上修改后的《新职业建议书》Word 文件，并保留邮件主题中的受理编号“[${reference}]”。

<@c.contact/>
